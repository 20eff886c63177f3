// Playwright's web server: a production build of the app (`next build` then
// `next start`), configured for this machine. Runs until Playwright stops it.
import { spawn } from 'node:child_process';

const port = process.env.PORT ?? '3210';
const clerkOrigin = 'http://127.0.0.1:4010';

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  // A production server refuses loopback Clerk endpoints unless told (lib/env).
  TENANTRY_ALLOW_LOCAL_SERVICES: '1',
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_test_${Buffer.from('127.0.0.1:4010$').toString('base64').replace(/=+$/, '')}`,
  NEXT_PUBLIC_CLERK_PROXY_URL: clerkOrigin,
  NEXT_PUBLIC_CLERK_JS_URL: `${clerkOrigin}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`,
  NEXT_PUBLIC_CLERK_UI_URL: `${clerkOrigin}/npm/@clerk/ui@1/dist/ui.browser.js`,
  CLERK_API_URL: clerkOrigin,
  CLERK_SECRET_KEY: 'sk_test_e2e',
  CLERK_WEBHOOK_SIGNING_SECRET: `whsec_${Buffer.from('tenantry-e2e-webhook-secret').toString('base64')}`,
  MONGODB_URI: 'mongodb://127.0.0.1:27018/tenantry-e2e',
};

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

await run('npx', ['next', 'build']);
const server = spawn('npx', ['next', 'start', '-p', port], { env, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
