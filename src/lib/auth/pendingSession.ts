import { auth } from '@clerk/nextjs/server';
import { sessionRevoked } from './orgAccess';
import { recordedChanges } from './session';

/** The session as the page that completes a session task sees it. */
export type TaskSession = {
  userId: string;
  /** True while a session task (Clerk's `choose-organization`) is open. */
  pending: boolean;
  /** The session's active Clerk org, if any. */
  orgId: string | null;
};

/**
 * The signed-in or pending user. Clerk's `auth()` reports a pending session
 * as signed out (`treatPendingAsSignedOut` defaults to true), which is right
 * everywhere except on the page that completes the task (DESIGN.md §3 Access,
 * Onboarding): there, and in the route it polls, this reader is used instead.
 */
export async function taskSession(): Promise<TaskSession | null> {
  const a = await auth({ treatPendingAsSignedOut: false });
  if (!a.userId || (await revoked(a))) return null;
  return { userId: a.userId, pending: a.sessionStatus === 'pending', orgId: a.orgId ?? null };
}

/** The signed-in (not pending) user and their session's active org, for `/`. */
export async function signedInSession(): Promise<{ userId: string; orgId: string | null } | null> {
  const a = await auth();
  if (!a.userId || (await revoked(a))) return null;
  return { userId: a.userId, orgId: a.orgId ?? null };
}

type SessionAuth = { userId: string; orgId?: string | null; orgSlug?: string | null; orgRole?: string | null; sessionClaims?: { iat?: unknown } | null };

/** A session from before the user was deleted or banned (recorded in MongoDB by the webhook) counts as signed out. */
async function revoked(a: SessionAuth): Promise<boolean> {
  const iat = a.sessionClaims?.iat;
  const facts = { userId: a.userId, orgId: a.orgId ?? null, orgSlug: a.orgSlug ?? null, orgRole: a.orgRole ?? null, issuedAt: typeof iat === 'number' ? iat * 1000 : null };
  return sessionRevoked(facts, await recordedChanges(a.userId));
}
