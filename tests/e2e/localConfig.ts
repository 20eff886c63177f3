// Fixed settings shared by the e2e web server (serve.ts) and the tests, which
// talk to the same clerk-local over HTTP. The port is fixed because the
// publishable key, built into the client bundle, names it.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const E2E_CLERK_PORT = Number(process.env.E2E_CLERK_PORT ?? 4011);
export const E2E_CLERK_URL = `http://127.0.0.1:${E2E_CLERK_PORT}`;
export const E2E_CLERK_SECRET_KEY = 'sk_test_tenantry_e2e_only';
export const E2E_WEBHOOK_SECRET = `whsec_${Buffer.from('tenantry-e2e-webhook-secret').toString('base64')}`;
export const E2E_RECONCILE_SECRET = 'tenantry-e2e-reconcile-secret-0123456789';

/** Where the web server leaves the app's service settings (MongoDB URI, Clerk keys) for the tests. */
export const servicesEnvFile = (appPort: string | number) => join(tmpdir(), `tenantry-e2e-services-${appPort}.json`);
