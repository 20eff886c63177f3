// Counts the MongoDB commands the app's connection sends (the driver's
// command monitoring, switched on by `monitorCommands=true` in the URI).
import mongoose from 'mongoose';

export type CommandCounter = { names: () => string[]; reset: () => void; stop: () => void };

export function countMongoCommands(): CommandCounter {
  const client = mongoose.connection.getClient();
  let names: string[] = [];
  const listener = (event: { commandName: string }) => names.push(event.commandName);
  client.on('commandStarted', listener);
  return {
    names: () => [...names],
    reset: () => {
      names = [];
    },
    stop: () => client.off('commandStarted', listener),
  };
}
