import { makeAuthObjectSerializable, stripPrivateDataFromObject } from '@clerk/backend/internal';
import { auth } from '@clerk/nextjs/server';
import { accessChangesOf } from '@/lib/db';
import type { RecordedChanges, SessionFacts } from './orgAccess';

/** The verified session token's facts; `iat` tells whether a recorded change came after it. */
export async function sessionFacts(): Promise<SessionFacts> {
  const { userId, orgId, orgSlug, orgRole, sessionClaims } = await auth();
  const iat = sessionClaims?.iat;
  return { userId: userId ?? null, orgId: orgId ?? null, orgSlug: orgSlug ?? null, orgRole: orgRole ?? null, issuedAt: typeof iat === 'number' ? iat * 1000 : null };
}

/** Changes Clerk's webhooks recorded for the user, read from MongoDB (shared by every instance). */
export async function recordedChanges(userId: string): Promise<RecordedChanges> {
  return accessChangesOf(userId);
}

/**
 * The session as Clerk's client components need it on the server render
 * (what `<ClerkProvider dynamic>` computes): with it, the header and Clerk's
 * hooks render signed-in from the first byte, so a signed-in person never
 * sees a signed-out header. Pending sessions are kept as Clerk keeps them.
 */
export async function clerkInitialState(): Promise<Record<string, unknown>> {
  const state = await auth({ treatPendingAsSignedOut: false });
  return JSON.parse(JSON.stringify(makeAuthObjectSerializable(stripPrivateDataFromObject(state)))) as Record<string, unknown>;
}

/** What the header shows about the session, from the verified claims only (no Clerk call). */
export async function headerSession(): Promise<{ signedIn: boolean }> {
  return { signedIn: Boolean((await auth()).userId) };
}
