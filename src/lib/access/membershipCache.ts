// Membership look-ups cached briefly per (user, org), concurrent identical
// look-ups coalesced (DESIGN.md §3 Access). Per process, so only an
// optimisation: the caller passes the last change MongoDB recorded for the
// (org, user), and an entry loaded before it is not used. Membership webhooks
// also drop entries here at once, in the process that receives them.

/** The member's role as Clerk holds it (one of ORG_ROLE, or a custom role). */
export type Membership = { role: string } | null;

type Entry = { value: Promise<Membership>; loadedAt: number; expires: number };

const TTL_MS = 30_000;
const globalForCache = globalThis as typeof globalThis & { __tenantryMemberships?: Map<string, Entry> };
const entries = (globalForCache.__tenantryMemberships ??= new Map());

const keyOf = (userId: string, clerkOrgId: string) => `${userId} ${clerkOrgId}`;

/**
 * The cached membership, or a new look-up when there is none, it expired, or
 * it was loaded before `notBefore` (a recorded change, epoch ms).
 */
export function cachedMembership(
  userId: string,
  clerkOrgId: string,
  load: () => Promise<Membership>,
  now: number = Date.now(),
  notBefore = 0,
): Promise<Membership> {
  const key = keyOf(userId, clerkOrgId);
  const hit = entries.get(key);
  if (hit && hit.expires > now && hit.loadedAt >= notBefore) return hit.value;
  const value = load();
  entries.set(key, { value, loadedAt: now, expires: now + TTL_MS });
  // A failed look-up (Clerk down) is not remembered.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

export function invalidateMembership(clerkOrgId: string, userId?: string): void {
  if (userId) {
    entries.delete(keyOf(userId, clerkOrgId));
    return;
  }
  for (const key of entries.keys()) if (key.endsWith(` ${clerkOrgId}`)) entries.delete(key);
}
