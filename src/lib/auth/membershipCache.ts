// Membership look-ups cached briefly per (user, org), concurrent identical
// look-ups coalesced, entries dropped by organizationMembership.* webhooks
// (DESIGN.md §3 Access). Per process: other instances expire by TTL.

export type OrgRole = 'org:admin' | 'org:member' | (string & {});
export type Membership = { role: OrgRole } | null;

type Entry = { value: Promise<Membership>; expires: number };

const TTL_MS = 30_000;
const globalForCache = globalThis as typeof globalThis & { __tenantryMemberships?: Map<string, Entry> };
const entries = (globalForCache.__tenantryMemberships ??= new Map());

const keyOf = (userId: string, clerkOrgId: string) => `${userId} ${clerkOrgId}`;

export function cachedMembership(
  userId: string,
  clerkOrgId: string,
  load: () => Promise<Membership>,
  now: number = Date.now(),
): Promise<Membership> {
  const key = keyOf(userId, clerkOrgId);
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value;
  const value = load();
  entries.set(key, { value, expires: now + TTL_MS });
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
