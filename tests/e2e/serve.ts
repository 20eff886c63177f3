// Playwright's web server: mongo-local and clerk-local, then a production
// build of the app (`next build`, `next start`) pointed at them. Runs until
// Playwright stops it.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { startLocalServices } from '../../tools/localServices';
import { E2E_CLERK_PORT, E2E_CLERK_SECRET_KEY, E2E_RECONCILE_SECRET, E2E_WEBHOOK_SECRET, servicesEnvFile } from './localConfig';

const port = process.env.PORT ?? '3210';

const local = await startLocalServices({
  mongo: { port: 0, database: 'tenantry-e2e' },
  clerk: {
    port: E2E_CLERK_PORT,
    secretKey: E2E_CLERK_SECRET_KEY,
    webhookSecret: E2E_WEBHOOK_SECRET,
    webhookUrl: `http://127.0.0.1:${port}/api/webhooks/clerk`,
    delivery: { retryScale: 0.001 },
  },
});

const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...local.env,
  NEXT_TELEMETRY_DISABLED: '1',
  // A production server refuses loopback Clerk endpoints unless told (lib/env).
  TENANTRY_ALLOW_LOCAL_SERVICES: '1',
  RECONCILE_SECRET: E2E_RECONCILE_SECRET,
  // Redirects are built from this, never from X-Forwarded-Host (security.e2e.ts).
  APP_URL: `http://127.0.0.1:${port}`,
};

// Tests that read MongoDB back or start a second app instance read this (tests/e2e/instances.ts).
writeFileSync(servicesEnvFile(port), JSON.stringify({ ...local.env, TENANTRY_ALLOW_LOCAL_SERVICES: '1', RECONCILE_SECRET: E2E_RECONCILE_SECRET }));

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

await run('npx', ['next', 'build']);
const server = spawn('npx', ['next', 'start', '-p', port], { env, stdio: 'inherit' });
async function stop(code: number) {
  server.kill('SIGTERM');
  await local.stop();
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
server.on('exit', (code) => void stop(code ?? 0));
