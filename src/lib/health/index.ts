// lib/health: the readiness of this instance for a load balancer or an
// uptime check (DESIGN.md §7). /api/health needs nothing; /api/ready this.
import { pingClerk } from '@/lib/clerk';
import { pingDb } from '@/lib/db';
import { checkAll, type Readiness } from './readiness';

export type { Readiness } from './readiness';

const PROBE_TIMEOUT_MS = 2_000;
/** Probes run at most this often per process, however often the checks come. */
const READY_CACHE_MS = 5_000;

const globalForHealth = globalThis as typeof globalThis & { __tenantryReady?: { at: number; result: Promise<Readiness> } };

/** MongoDB (connect + ping) and Clerk's Backend API (one authenticated GET), each with its latency. */
export function checkReadiness({ maxAgeMs = READY_CACHE_MS }: { maxAgeMs?: number } = {}): Promise<Readiness> {
  const cached = globalForHealth.__tenantryReady;
  if (cached && Date.now() - cached.at < maxAgeMs) return cached.result;
  const result = checkAll({ mongodb: () => pingDb(), clerk: () => pingClerk(PROBE_TIMEOUT_MS) }, PROBE_TIMEOUT_MS);
  globalForHealth.__tenantryReady = { at: Date.now(), result };
  return result;
}
