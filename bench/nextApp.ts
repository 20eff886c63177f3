// The real app served by Next for the page-view scenario, as the e2e suite
// serves it (tests/e2e/serve.ts): clerk-local on a fixed port (the
// publishable key built into the client bundle names it) delivering webhooks
// to the app, then `next build` + `next start` with TENANTRY_ALLOW_LOCAL_SERVICES=1.
// The build goes to .next-bench (NEXT_DIST_DIR, read by next.config.ts) so
// the e2e suite's .next is never touched. BENCH_REUSE_BUILD=1 skips the build
// when .next-bench already holds one (for iterating on the bench itself).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { ClerkLocal } from '../tools/clerk-local';
import { startLocalServices } from '../tools/localServices';

export const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3230);
export const APP_CLERK_PORT = Number(process.env.BENCH_CLERK_PORT ?? 4031);
const DIST_DIR = '.next-bench';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NEXT_BIN = fileURLToPath(new URL('../node_modules/next/dist/bin/next', import.meta.url));
const START_TIMEOUT_MS = 60_000;

export type NextApp = { url: string; clerk: ClerkLocal; buildSeconds: number | null; distDir: string; stop: () => Promise<void> };

async function assertPortFree(port: number): Promise<void> {
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
  } catch {
    throw new Error(`port ${port} is in use (set BENCH_APP_PORT / BENCH_CLERK_PORT to free ones)`);
  } finally {
    server.close();
  }
}

/** Runs `next <args>` to completion; its output is kept and shown only when it fails. */
async function nextCommand(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`next ${args.join(' ')} exited ${String(code)}:\n${output}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  // Its own process group (detached): any worker `next start` forks goes with it.
  process.kill(-child.pid, 'SIGTERM');
  const killed = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!killed) process.kill(-child.pid, 'SIGKILL');
}

/** `reuseBuild`: a later scenario of the same run serves the build an earlier one made. */
export async function startNextApp({ mongoUri, progress, reuseBuild = false }: { mongoUri: string; progress: (line: string) => void; reuseBuild?: boolean }): Promise<NextApp> {
  await assertPortFree(APP_PORT);
  await assertPortFree(APP_CLERK_PORT);
  const url = `http://127.0.0.1:${APP_PORT}`;
  const local = await startLocalServices({
    mongo: false,
    clerk: { port: APP_CLERK_PORT, webhookUrl: `${url}/api/webhooks/clerk`, delivery: { retryScale: 0.001 } },
  });
  const clerk = local.clerk as ClerkLocal;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...local.env,
    NODE_ENV: 'production',
    MONGODB_URI: mongoUri,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    // Source maps beside the chunks, so the page-weight scenario can tell Clerk's code from the app's (bench/jsOrigins.ts).
    TENANTRY_BROWSER_SOURCE_MAPS: '1',
    // A production server refuses loopback Clerk endpoints unless told (lib/env).
    TENANTRY_ALLOW_LOCAL_SERVICES: '1',
  };
  let server: ChildProcess | null = null;
  const stop = async () => {
    if (server) await stopChild(server);
    await local.stop();
  };
  try {
    let buildSeconds: number | null = null;
    if ((reuseBuild || process.env.BENCH_REUSE_BUILD === '1') && existsSync(`${ROOT}/${DIST_DIR}/BUILD_ID`)) {
      progress(`reusing the build in ${DIST_DIR}`);
    } else {
      progress(`page views: next build into ${DIST_DIR} (not measured)…`);
      const started = performance.now();
      // next build points next-env.d.ts (untracked, shared with the e2e build and
      // `tsc`) at its dist dir's route types: put the file back as it was.
      const nextEnv = `${ROOT}/next-env.d.ts`;
      const saved = existsSync(nextEnv) ? readFileSync(nextEnv, 'utf8') : null;
      try {
        await nextCommand(['build'], env);
      } finally {
        if (saved === null) rmSync(nextEnv, { force: true });
        else writeFileSync(nextEnv, saved);
      }
      buildSeconds = (performance.now() - started) / 1000;
    }
    server = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(APP_PORT)], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    // Its last lines, for the error when it fails to start.
    let serverOutput = '';
    const keep = (chunk: Buffer) => {
      serverOutput = (serverOutput + chunk.toString()).slice(-4_000);
    };
    server.stdout?.on('data', keep);
    server.stderr?.on('data', keep);
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`next start exited ${String(server.exitCode)}:\n${serverOutput}`);
      const ok = await fetch(`${url}/en`, { redirect: 'manual' }).then((r) => r.status < 500, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`next start: no answer on ${url}/en within ${START_TIMEOUT_MS / 1000} s:\n${serverOutput}`);
      await sleep(250);
    }
    return { url, clerk, buildSeconds, distDir: `${ROOT}/${DIST_DIR}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
