// A second app instance and the shared MongoDB, for tests that check what
// every instance sees (DESIGN.md §7: instances share nothing but MongoDB and
// Clerk). The web server (serve.ts) leaves its service settings in a file;
// the second instance is `next start` on the same build with those settings,
// on a free port (probed on 127.0.0.1, where the test reaches it; no -H: next
// start proxies to its worker by "localhost"), in its own process group,
// stopped by the test.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { servicesEnvFile } from './localConfig';

const START_TIMEOUT_MS = 60_000;
const NEXT_BIN = 'node_modules/next/dist/bin/next';

export function servicesEnv(): Record<string, string> {
  return JSON.parse(readFileSync(servicesEnvFile(process.env.PORT ?? '3210'), 'utf8')) as Record<string, string>;
}

/** The e2e app's MongoDB, read directly: what the app stored, not what it shows. */
export async function e2eDatabase() {
  const connection = await mongoose.createConnection(servicesEnv().MONGODB_URI!).asPromise();
  const db = connection.db!;
  return {
    organization: (shortName: string) => db.collection('organizations').findOne({ shortName }),
    accessChanges: (userId: string) => db.collection('access_changes').find({ userId }).toArray(),
    close: () => connection.close(),
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid, 'SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) process.kill(-child.pid, 'SIGKILL');
}

export type AppInstance = { url: string; stop: () => Promise<void> };

/** Another `next start` of the e2e build, sharing MongoDB and clerk-local; Clerk's webhooks still go to the first. */
export async function startSecondInstance(): Promise<AppInstance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port)], {
    env: { ...process.env, ...servicesEnv(), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = () => stopChild(child);
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`second instance exited ${String(child.exitCode)}:\n${output}`);
    if (await fetch(`${url}/en`, { redirect: 'manual' }).then((r) => r.status < 500, () => false)) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`second instance: no answer on ${url}/en within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    await sleep(250);
  }
}
