import { auth } from '@clerk/nextjs/server';
import { notFound } from 'next/navigation';
import { getUserPublicMetadata } from '@/lib/clerk';

// Who is a platform admin is a Clerk fact (DESIGN.md §2): `publicMetadata.platformAdmin`
// on the user, set in Clerk's dashboard or Backend API. Read through the
// Backend API, cached briefly per user.
const TTL_MS = 30_000;
const globalForAdmins = globalThis as typeof globalThis & { __tenantryPlatformAdmins?: Map<string, { value: Promise<boolean>; expires: number }> };
const cache = (globalForAdmins.__tenantryPlatformAdmins ??= new Map());

export function isPlatformAdmin(userId: string, now: number = Date.now()): Promise<boolean> {
  const hit = cache.get(userId);
  if (hit && hit.expires > now) return hit.value;
  const value = getUserPublicMetadata(userId).then((metadata) => metadata?.platformAdmin === true);
  cache.set(userId, { value, expires: now + TTL_MS });
  value.catch(() => cache.delete(userId));
  return value;
}

/** Pages and actions of the platform admin area: others get not-found, like an unknown page. */
// `fresh` (a write): confirmed live with Clerk — implemented by the access issue (9).
export async function requirePlatformAdmin(_options: { fresh?: boolean } = {}): Promise<{ userId: string }> {
  const session = await auth();
  if (!session.userId) return session.redirectToSignIn();
  if (!(await isPlatformAdmin(session.userId))) notFound();
  return { userId: session.userId };
}
