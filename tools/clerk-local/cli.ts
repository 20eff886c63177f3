// `tsx tools/clerk-local/cli.ts [--port 4010] [--webhook-url URL] ...`
// Starts the emulator, prints the env lines the app needs on stdout
// (KEY=value, ready for a .env file or `eval "$(... | sed 's/^/export /')"`),
// and runs until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startClerkLocal } from './server';
import { rateLimitFromFlag } from './settings';

const USAGE = `Usage: tsx tools/clerk-local/cli.ts [options]
  --port <n>             port (default 4010; 0 = any free port)
  --host <addr>          bind address (default 127.0.0.1)
  --webhook-url <url>    deliver Clerk webhooks here (default: none, events queue up)
  --webhook-secret <s>   whsec_... signing secret (default: persisted or new)
  --secret-key <s>       sk_test_... secret key (default: persisted or new)
  --data-dir <dir>       persist keys and data in <dir>/clerk-local.json
  --retry-scale <x>      multiply Svix's retry schedule (e.g. 0.001)
  --paused               start with webhook delivery paused
  --membership-required  Clerk's "Membership required": sessions without an org are pending (choose-organization)
  --email-verification   sign-up needs the email code (424242)
  --rate-limit <n|off>   Backend API requests per 10 s (default 100, a development instance's; off for none)
  -h, --help
Settings change at run time too: GET/PATCH /__local/settings.`;

const OPTIONS = {
  port: { type: 'string', default: '4010' },
  host: { type: 'string', default: '127.0.0.1' },
  'webhook-url': { type: 'string' },
  'webhook-secret': { type: 'string' },
  'secret-key': { type: 'string' },
  'data-dir': { type: 'string' },
  'retry-scale': { type: 'string' },
  paused: { type: 'boolean', default: false },
  'membership-required': { type: 'boolean', default: false },
  'email-verification': { type: 'boolean', default: false },
  // Clerk limits every sk_test_ instance to 100 requests / 10 s.
  'rate-limit': { type: 'string', default: '100' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: OPTIONS });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  const retryScale = values['retry-scale'] === undefined ? undefined : Number(values['retry-scale']);
  let rateLimit: ReturnType<typeof rateLimitFromFlag>;
  try {
    rateLimit = rateLimitFromFlag(values['rate-limit']);
  } catch {
    rateLimit = false;
    process.exitCode = 2;
  }
  if (process.exitCode === 2 || !Number.isInteger(port) || port < 0 || (retryScale !== undefined && !(retryScale >= 0))) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const clerk = await startClerkLocal({
    port,
    host: values.host,
    webhookUrl: values['webhook-url'] ?? null,
    webhookSecret: values['webhook-secret'],
    secretKey: values['secret-key'],
    dataDir: values['data-dir'],
    delivery: { retryScale, paused: values.paused },
    settings: {
      membershipRequired: values['membership-required'],
      emailVerification: values['email-verification'],
      rateLimit,
    },
    log: (line) => process.stderr.write(`${line}\n`),
  });
  // Quoted when it has spaces (the PEM's BEGIN/END lines): valid for dotenv and shells alike.
  for (const [k, v] of Object.entries(clerk.env())) process.stdout.write(`${k}=${/\s/.test(v) ? `"${v}"` : v}\n`);
  process.stderr.write(
    `clerk-local: Backend API at ${clerk.url}/v1, webhooks ${values['webhook-url'] ? `to ${values['webhook-url']}` : 'queued (no --webhook-url)'}, settings ${JSON.stringify(clerk.settings.get())}\n`,
  );
  const shutdown = () => {
    void clerk.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`clerk-local: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
