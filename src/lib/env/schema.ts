import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The Frontend API host a publishable key names: base64 of `host$`. */
export function frontendApiHostOf(publishableKey: string): string | null {
  const match = /^pk_(?:test|live)_([A-Za-z0-9+/_-]+)$/.exec(publishableKey);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  return decoded.endsWith('$') ? decoded.slice(0, -1) : null;
}

function hostOf(value: string): string {
  try {
    return new URL(value.includes('://') ? value : `https://${value}`).hostname;
  } catch {
    return value;
  }
}

export function isLoopback(urlOrHost: string): boolean {
  return LOOPBACK_HOSTS.has(hostOf(urlOrHost));
}

const flag = z
  .enum(['1', '0', 'true', 'false'], { error: 'expected 1, 0, true or false' })
  .transform((v) => v === '1' || v === 'true');

const optionalUrl = z.url({ error: 'expected an absolute URL' }).optional();

export const serverSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  CLERK_SECRET_KEY: z
    .string({ error: 'required: the Clerk secret key (sk_test_… or sk_live_…)' })
    .regex(/^sk_(test|live)_\S+$/, 'expected a Clerk secret key (sk_test_… or sk_live_…)'),
  CLERK_WEBHOOK_SIGNING_SECRET: z
    .string({ error: 'required: the Svix signing secret of the Clerk webhook endpoint (whsec_…)' })
    .regex(/^whsec_[A-Za-z0-9+/=]+$/, 'expected a Svix signing secret (whsec_…)'),
  CLERK_API_URL: optionalUrl,
  CLERK_JWT_KEY: z
    .string()
    .includes('BEGIN PUBLIC KEY', { error: 'expected a PEM public key (-----BEGIN PUBLIC KEY-----…)' })
    .optional(),
  MONGODB_URI: z
    .string({ error: 'required: a MongoDB connection string (mongodb://… or mongodb+srv://…)' })
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a MongoDB connection string (mongodb://… or mongodb+srv://…)'),
  // Clerk's Backend API rate limit is 100 requests / 10 s for development
  // instances and 1,000 for production; calls are paced to stay under it.
  CLERK_RATE_LIMIT_PER_10S: z.coerce.number().int().positive().optional(),
  CLERK_CONCURRENCY: z.coerce.number().int().positive().default(10),
  // The first visit provisions the test org itself when the webhook has not
  // (DESIGN.md §3 Onboarding). 0 for deployments that want webhooks only.
  TENANTRY_PROVISION_ON_FIRST_VISIT: flag.default(true),
  // Bearer secret of POST /api/admin/reconcile (for a scheduler); unset = route off.
  RECONCILE_SECRET: z.string().min(32, { error: 'expected at least 32 characters' }).optional(),
  // Background jobs (CSV imports, scheduled reconcile) run on agenda in this
  // process; 0 leaves them to a worker (`npm run jobs`).
  TENANTRY_JOBS: flag.default(true),
  // How often the job runner polls MongoDB for new jobs (ms).
  JOBS_POLL_MS: z.coerce.number().int().min(100, { error: 'expected at least 100 (ms)' }).max(60_000).default(1_000),
  // Reconcile on a schedule: every N minutes (0 = off), repairing unless RECONCILE_SCHEDULED_APPLY=0.
  RECONCILE_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080, { error: 'expected 0 (off) to 10080 (a week)' }).default(60),
  RECONCILE_SCHEDULED_APPLY: flag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // The public origin of the app (https://tenantry.example.com): every redirect
  // and absolute URL is built from it, whatever Host or X-Forwarded-Host a
  // client sends (DESIGN.md §7). Unset: the request's own Host.
  APP_URL: z
    .url({ error: 'expected the absolute URL of the app (https://…)' })
    .refine((u) => new URL(u).pathname === '/', { error: 'expected an origin without a path (https://host[:port])' })
    .optional(),
  // 1 when a proxy in front of the app sets X-Forwarded-Host/Proto itself
  // (Vercel, a load balancer); otherwise those headers are dropped.
  TRUST_PROXY: flag.default(false),
  // Settled webhook events (processed, ignored) are deleted this many days
  // after they settled: longer than Svix's whole retry schedule (about 3 days).
  WEBHOOK_EVENT_RETENTION_DAYS: z.coerce.number().int().min(4, { error: 'expected at least 4 days (Svix retries for about 3)' }).default(30),
  // Failed events wait this long for a platform admin's replay.
  WEBHOOK_FAILED_RETENTION_DAYS: z.coerce.number().int().min(4, { error: 'expected at least 4 days' }).default(90),
  // A production server refuses loopback Clerk endpoints (the local emulator)
  // unless this says it is meant (the e2e suite runs a production build).
  TENANTRY_ALLOW_LOCAL_SERVICES: flag.default(false),
});

export const publicSchema = z.object({
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: z
    .string({ error: 'required: the Clerk publishable key (pk_test_… or pk_live_…)' })
    .refine((key) => frontendApiHostOf(key)?.includes('.') ?? false, {
      error: 'expected a Clerk publishable key: pk_test_ or pk_live_ + base64 of "<frontend api host>$", the host containing a dot',
    }),
  NEXT_PUBLIC_CLERK_PROXY_URL: optionalUrl,
  NEXT_PUBLIC_CLERK_JS_URL: optionalUrl,
  NEXT_PUBLIC_CLERK_UI_URL: optionalUrl,
  NEXT_PUBLIC_CLERK_SIGN_UP_FALLBACK_REDIRECT_URL: z.string().startsWith('/').default('/'),
});

type ServerEnv = z.infer<typeof serverSchema>;
type PublicEnv = z.infer<typeof publicSchema>;
export type Env = ServerEnv & PublicEnv;
