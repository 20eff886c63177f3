import { TEST_WEBHOOK_SECRET } from './webhooks';

/**
 * Points the app's configuration (read lazily by lib/env) at the test's
 * services, before the first request. The Clerk values default to a server
 * that is never called.
 */
export function configureAppEnv(values: { mongoUri: string; clerkApiUrl?: string; clerkSecretKey?: string }): void {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    MONGODB_URI: values.mongoUri,
    CLERK_API_URL: values.clerkApiUrl ?? 'http://127.0.0.1:9',
    CLERK_SECRET_KEY: values.clerkSecretKey ?? 'sk_test_unused',
    CLERK_WEBHOOK_SIGNING_SECRET: TEST_WEBHOOK_SECRET,
    // Tests pace Clerk calls only where they measure pacing.
    CLERK_RATE_LIMIT_PER_10S: '100000',
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_test_${Buffer.from('127.0.0.1:9$').toString('base64').replace(/=+$/, '')}`,
  });
}
