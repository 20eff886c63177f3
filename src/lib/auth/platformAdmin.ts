import { auth } from '@clerk/nextjs/server';
import { notFound } from 'next/navigation';
import { getUserPublicMetadata } from '@/lib/clerk';
import { decidePlatformAdmin, type PlatformAdminPorts } from './platformAdminDecision';
import { recordedChanges, sessionFacts } from './session';

// Who is a platform admin is a Clerk fact (DESIGN.md §2): `publicMetadata.platformAdmin`
// on the user, set in Clerk's dashboard or Backend API. Page views read it
// through the Backend API, cached briefly per user (never an answer loaded
// before a user change MongoDB recorded); mutations ask Clerk live.
const TTL_MS = 30_000;
type Entry = { value: Promise<boolean>; loadedAt: number; expires: number };
const globalForAdmins = globalThis as typeof globalThis & { __tenantryPlatformAdmins?: Map<string, Entry> };
const cache = (globalForAdmins.__tenantryPlatformAdmins ??= new Map());

const liveIsPlatformAdmin = (userId: string) => getUserPublicMetadata(userId).then((metadata) => metadata?.platformAdmin === true);

function isPlatformAdmin(userId: string, now: number = Date.now(), notBefore = 0): Promise<boolean> {
  const hit = cache.get(userId);
  if (hit && hit.expires > now && hit.loadedAt >= notBefore) return hit.value;
  const value = liveIsPlatformAdmin(userId);
  cache.set(userId, { value, loadedAt: now, expires: now + TTL_MS });
  value.catch(() => cache.delete(userId));
  return value;
}

export { decidePlatformAdmin };

export const platformAdminPorts: PlatformAdminPorts = {
  session: sessionFacts,
  changesOf: recordedChanges,
  isPlatformAdmin: (userId, freshness) =>
    freshness.live ? liveIsPlatformAdmin(userId) : isPlatformAdmin(userId, Date.now(), freshness.notBefore),
};

/**
 * Pages and actions of the platform admin area: others get not-found, like an
 * unknown page. `fresh: true` for anything that changes state.
 */
export async function requirePlatformAdmin(options: { fresh?: boolean } = {}): Promise<{ userId: string }> {
  const access = await decidePlatformAdmin(options, platformAdminPorts);
  if (access.kind === 'signed-out') return (await auth()).redirectToSignIn();
  if (access.kind === 'not-found') notFound();
  return { userId: access.userId };
}
