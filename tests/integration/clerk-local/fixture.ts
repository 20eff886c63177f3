// One emulator per test file, talked to by the real @clerk/backend client.
import { createClerkClient, type ClerkClient } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { afterAll, beforeAll } from 'vitest';
import { startClerkLocal, type ClerkLocal, type ClerkLocalOptions } from '../../../tools/clerk-local';

export type Emulator = { local: ClerkLocal; clerk: ClerkClient };

export function clientFor(local: ClerkLocal, secretKey = local.secretKey): ClerkClient {
  // Telemetry off: it would try to reach Clerk.
  return createClerkClient({ secretKey, apiUrl: local.url, publishableKey: local.publishableKey, telemetry: { disabled: true } });
}

/** The client as the app's clerkMiddleware builds it: development key and the PEM jwtKey (networkless verification). */
export function middlewareClientFor(local: ClerkLocal): ClerkClient {
  return createClerkClient({ secretKey: local.secretKey, apiUrl: local.url, publishableKey: local.publishableKey, jwtKey: local.jwtKey, telemetry: { disabled: true } });
}

/** Starts an emulator before the file's tests and stops it after; read `.local`/`.clerk` inside tests. */
export function useEmulator(options: ClerkLocalOptions = {}): Emulator {
  const env = {} as Emulator;
  beforeAll(async () => {
    env.local = await startClerkLocal({ port: 0, ...options });
    env.clerk = clientFor(env.local);
  });
  afterAll(async () => {
    await env.local?.stop();
  });
  return env;
}

let counter = 0;
/** Unique per run, so tests in one file don't collide. */
export function uniq(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export function email(prefix = 'user'): string {
  return `${uniq(prefix)}@example.com`;
}

/** The ClerkAPIResponseError a call rejects with (fails the test if it resolves). */
export async function clerkError(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (isClerkAPIResponseError(err)) return err;
    throw err;
  }
  throw new Error('expected a ClerkAPIResponseError');
}
