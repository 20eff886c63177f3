// mongo-local in a child process (tools/mongo-local/cli.ts) with the given
// flags, as `npm run mongo-local` runs it: the bench's client and the server
// each get a core.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../tools/mongo-local/cli.ts', import.meta.url));

export type ServerProcess = { uri: string; stop: () => Promise<void> };

export async function startServer(args: string[] = []): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  let uri: string | undefined;
  for await (const line of createInterface({ input: child.stdout! })) {
    uri = /MONGODB_URI=(\S+)/.exec(line)?.[1];
    if (uri) break;
  }
  if (!uri) throw new Error('mongo-local exited before printing its URI');
  return {
    uri,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
