// mongo-local in a child process of its own (tools/mongo-local/cli.ts), as a
// database runs beside the app rather than inside it: its CPU does not
// compete with the route's on one event loop, and the bench uses both cores.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../tools/mongo-local/cli.ts', import.meta.url));

export type MongoProcess = { uri: string; stop: () => Promise<void> };

export async function startMongoProcess(): Promise<MongoProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`mongo-local exited (code ${String(code)}) before printing its URI`);
  });
  const uri = (async () => {
    for await (const line of lines) {
      const match = /MONGODB_URI=(\S+)/.exec(line);
      if (match?.[1]) return match[1];
    }
    throw new Error('mongo-local closed its output before printing its URI');
  })();
  const found = await Promise.race([uri, exited]);
  exited.catch(() => undefined);
  return {
    uri: found,
    stop: async () => {
      if (child.exitCode !== null) return;
      const done = once(child, 'exit');
      child.kill('SIGTERM');
      await done;
    },
  };
}
