// Command dispatch. Unknown commands fail exactly as in MongoDB (code 59) so
// that anything this server does not implement is loud, never a silent no-op.
import type { Document } from 'bson';
import { CommandError, asCommandError, unknownCommand } from '../errors';
import { aggregateCommands } from './aggregate';
import type { CommandContext, CommandHandler } from './context';
import { explainCommand } from './explainPlan';
import { checkCommandFields } from './fields';
import { handshakeCommands } from './handshake';
import { readCommands } from './read';
import { schemaCommands } from './schema';
import { writeCommands } from './write';

export type { ConnectionInfo } from './context';
export { LIMITS } from './handshake';

const handlers = new Map<string, CommandHandler>(
  Object.entries({ ...handshakeCommands, ...readCommands, ...aggregateCommands, ...writeCommands, ...schemaCommands }),
);
handlers.set('explain', (context) => explainCommand(context, aggregateCommands.aggregate!));

export function runCommand(context: Omit<CommandContext, 'db'> & { db?: string }): Document {
  const name = Object.keys(context.command)[0];
  try {
    if (name === undefined) throw new CommandError(59, 'CommandNotFound', 'no such command: empty command document');
    const handler = handlers.get(name);
    if (!handler) throw unknownCommand(name);
    // A standalone mongod refuses transaction numbers; the driver only sends
    // them for transactions (retryable writes need a replica set).
    if (context.command.txnNumber !== undefined) {
      throw new CommandError(20, 'IllegalOperation', 'Transaction numbers are only allowed on a replica set member or mongos');
    }
    checkCommandFields(name, context.command);
    const db = context.db ?? (context.command.$db as string | undefined);
    if (typeof db !== 'string' || db === '') throw new CommandError(40414, 'Location40414', "BSON field '$db' is missing but a required field");
    return handler({ ...context, db });
  } catch (error) {
    return asCommandError(error).toReply();
  }
}
