import { type ClerkClient, createClerkClient } from '@clerk/backend';
import { env } from '@/lib/env';
import { classifyClerkError } from './classify';
import { ClerkUnavailableError } from './errors';
import { createGate } from './gate';
import { withRetry, withTimeout } from './retry';

// Svix gives a delivery 15 s; finishing (or giving up) well inside that keeps
// a slow Clerk from turning into duplicate in-flight deliveries.
const ATTEMPT_TIMEOUT_MS = 5_000;
const BUDGET_MS = 10_000;

type ClerkRuntime = { client: ClerkClient; gate: ReturnType<typeof createGate> };

const globalForClerk = globalThis as typeof globalThis & { __tenantryClerk?: ClerkRuntime };

function runtime(): ClerkRuntime {
  if (!globalForClerk.__tenantryClerk) {
    const e = env();
    globalForClerk.__tenantryClerk = {
      client: createClerkClient({ secretKey: e.CLERK_SECRET_KEY, apiUrl: e.CLERK_API_URL, jwtKey: e.CLERK_JWT_KEY }),
      // 10% under Clerk's limit: its windows and ours never line up exactly.
      gate: createGate({
        concurrency: e.CLERK_CONCURRENCY,
        limit: Math.max(1, Math.floor(e.CLERK_RATE_LIMIT_PER_10S * 0.9)),
        intervalMs: 10_000,
      }),
    };
  }
  return globalForClerk.__tenantryClerk;
}

/**
 * The one way the app calls Clerk's Backend API: bounded by the gate, each
 * attempt timed out, transient failures (429 with Retry-After, 5xx, network)
 * retried within the budget, errors classified as unavailable or rejected.
 */
export function callClerk<T>(what: string, op: (client: ClerkClient) => Promise<T>, { requests = 1 }: { requests?: number } = {}): Promise<T> {
  const { client, gate } = runtime();
  const deadline = Date.now() + BUDGET_MS;
  return withRetry(
    () =>
      gate(() => {
        // Waiting for a slot counts against the budget too: better a 5xx that
        // Svix retries later than an answer after Svix's 15 s timeout.
        if (Date.now() > deadline) throw new ClerkUnavailableError(`${what}: no Clerk slot free within ${BUDGET_MS} ms`);
        return withTimeout(op(client), ATTEMPT_TIMEOUT_MS, what).catch((error: unknown) => {
          throw classifyClerkError(error, what);
        });
      }, requests),
    { budgetMs: BUDGET_MS },
  );
}

/**
 * The readiness check's probe (GET /v1/jwks with our secret key): one
 * attempt, no retries, within `timeoutMs`, still counted by the gate so
 * health checks never eat into Clerk's rate limit unseen.
 */
export async function pingClerk(timeoutMs: number): Promise<void> {
  const { client, gate } = runtime();
  await gate(() =>
    withTimeout(client.jwks.getJwks(), timeoutMs, 'ping Clerk').catch((error: unknown) => {
      throw classifyClerkError(error, 'ping Clerk');
    }),
  );
}
