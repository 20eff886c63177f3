// `npm run dev`: starts whatever is not configured (tools/mongo-local without
// MONGODB_URI, tools/clerk-local without Clerk keys), says so, then runs
// `next dev` with the resulting configuration. Real settings in .env.local or
// the environment are used as they are and nothing local is started.
import { spawn } from 'node:child_process';
import nextEnv from '@next/env';
import { CLERK_NEW_APP_SETTINGS } from './clerk-local';
import { startLocalServices } from './localServices';

const CLERK_KEYS = ['NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', 'CLERK_SECRET_KEY'] as const;
const port = Number(process.env.PORT ?? 3000);

nextEnv.loadEnvConfig(process.cwd(), true);
const clerkSet = CLERK_KEYS.filter((key) => process.env[key]);
if (clerkSet.length === 1) {
  console.error(`[dev] Clerk is half configured: set ${CLERK_KEYS.find((k) => !process.env[k])} too, or neither to use tools/clerk-local.`);
  process.exit(1);
}

const local = await startLocalServices({
  mongo: !process.env.MONGODB_URI && {
    port: Number(process.env.MONGO_LOCAL_PORT ?? 27017),
    dataDir: '.data/mongo',
    database: 'tenantry',
  },
  clerk: clerkSet.length === 0 && {
    port: Number(process.env.CLERK_LOCAL_PORT ?? 4010),
    dataDir: '.data/clerk',
    webhookUrl: `http://127.0.0.1:${port}/api/webhooks/clerk`,
    // Invitation links open the app where the browser reaches it.
    appUrl: `http://${process.env.DEV_BROWSER_HOST ?? 'localhost'}:${port}`,
    // What a new Clerk application has (membership required, email code at
    // sign-up, 100 requests / 10 s), so dev meets what production will.
    settings: CLERK_NEW_APP_SETTINGS,
  },
  browserHost: process.env.DEV_BROWSER_HOST ?? 'localhost',
});
console.log(
  local.mongo
    ? `[dev] MONGODB_URI is not set: started tools/mongo-local at ${local.mongo.uri} (data in .data/mongo)`
    : '[dev] using MONGODB_URI from the environment',
);
console.log(
  local.clerk
    ? `[dev] no Clerk keys: started tools/clerk-local at ${local.clerk.url} (data in .data/clerk); its webhooks go to /api/webhooks/clerk; settings as a new Clerk app: membership required, email code 424242 at sign-up, 100 requests / 10 s (change them: PATCH ${local.clerk.url}/__local/settings)`
    : '[dev] using the Clerk keys from the environment',
);

const next = spawn('npx', ['next', 'dev', '-p', String(port)], {
  env: { ...process.env, ...local.env, NEXT_TELEMETRY_DISABLED: '1' },
  stdio: 'inherit',
});
let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  next.kill('SIGTERM');
  await local.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
next.on('exit', (code) => void shutdown(code ?? 0));
