// tools/mongo-local in a child process (the CLI, as `npm run mongo-local`
// runs it), so that a test can kill it with SIGKILL mid-write.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../tools/mongo-local/cli.ts', import.meta.url));

export type ChildServer = { uri: string; child: ChildProcess; kill: () => Promise<void> };

export async function startChildServer(args: string[]): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  let uri: string | undefined;
  for await (const line of lines) {
    uri = /MONGODB_URI=(\S+)/.exec(line)?.[1];
    if (uri) break;
  }
  if (!uri) throw new Error('mongo-local exited before printing its URI');
  return {
    uri,
    child,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
