import { makeAuthObjectSerializable, stripPrivateDataFromObject } from '@clerk/backend/internal';
import { auth } from '@clerk/nextjs/server';

/** The signed-in user's id, or null. */
export async function currentUserId(): Promise<string | null> {
  return (await auth()).userId ?? null;
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
