import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run dev` (tools/dev.ts) stops everything it started on SIGTERM and
// SIGINT — next dev's workers, mongo-local, clerk-local — so a second
// `npm run dev` right after finds its ports free. Ports and data of its own.

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'tenantry-dev-'));
const running: ChildProcess[] = [];
// After a failure: SIGTERM to the group lets dev.ts stop next dev's own group too; SIGKILL if it hangs.
afterAll(async () => {
  for (const child of running.filter((c) => c.exitCode === null && c.pid)) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

async function startDev(ports: { app: number; clerk: number; mongo: number }): Promise<{ child: ChildProcess; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['MONGODB_URI', 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', 'CLERK_SECRET_KEY', 'CLERK_WEBHOOK_SIGNING_SECRET', 'CLERK_API_URL']) {
    delete env[key];
  }
  Object.assign(env, {
    PORT: String(ports.app),
    CLERK_LOCAL_PORT: String(ports.clerk),
    MONGO_LOCAL_PORT: String(ports.mongo),
    DEV_DATA_DIR: dataDir,
    // Its own build directory: the e2e suite's .next stays untouched.
    NEXT_DIST_DIR: '.next-devtest',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'development',
  });
  // Its own process group, so that a failed test can still clean up everything.
  const child = spawn('npm', ['run', 'dev'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await expect.poll(() => /Ready in/.test(output) || child.exitCode !== null, { timeout: 90_000, interval: 200 }).toBe(true);
  expect(child.exitCode, output).toBeNull();
  // next dev answers (its worker holds the port), not just printed Ready.
  await expect.poll(async () => (await fetch(`http://127.0.0.1:${ports.app}/api/health`).catch(() => null))?.status, { timeout: 90_000, interval: 500 }).toBe(200);
  return { child, output: () => output };
}

async function stopAndExpectPortsFree(child: ChildProcess, signal: NodeJS.Signals, ports: number[]): Promise<void> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal); // the npm process only, as a terminal or a process manager would
  await expect.poll(async () => (await Promise.all(ports.map(isFree))).every(Boolean), { timeout: 5_000, interval: 100 }).toBe(true);
  await exited;
}

describe('npm run dev', () => {
  it('frees every port within 5 s of SIGTERM, and a second run right after starts and stops on SIGINT', async () => {
    const ports = { app: await freePort(), clerk: await freePort(), mongo: await freePort() };
    const first = await startDev(ports);
    expect(first.output()).toContain(`started tools/mongo-local at mongodb://127.0.0.1:${ports.mongo}`);
    expect(first.output()).toContain(`started tools/clerk-local at http://127.0.0.1:${ports.clerk}`);
    await stopAndExpectPortsFree(first.child, 'SIGTERM', [ports.app, ports.clerk, ports.mongo]);

    const second = await startDev(ports);
    expect(second.output()).not.toContain('EADDRINUSE');
    await stopAndExpectPortsFree(second.child, 'SIGINT', [ports.app, ports.clerk, ports.mongo]);
  }, 300_000);
});
