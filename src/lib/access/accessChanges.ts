import { recordAccessChange } from '@/lib/db';
import { invalidateMembership } from './membershipCache';

export type AccessChange = {
  userId: string;
  /** The org whose membership changed; null for a change of the user itself. */
  clerkOrgId: string | null;
  /** Clerk's own time of the change (`updated_at`), when the event carries one. */
  clerkTime?: number | null;
  /** The user was deleted or banned: sessions issued before now are over. */
  signOut?: boolean;
};

/**
 * Records a membership or user change in MongoDB so every app instance stops
 * trusting older session claims and cached look-ups (DESIGN.md §3 Access),
 * and drops this process's cached entry at once. The stamp is the later of
 * Clerk's time and ours: either bounds the change from above, so clock skew
 * errs towards one extra live check, never towards a stale grant.
 */
export async function recordChange(change: AccessChange, now: number = Date.now()): Promise<void> {
  const at = new Date(Math.max(now, change.clerkTime ?? 0));
  await recordAccessChange({ userId: change.userId, clerkOrgId: change.clerkOrgId, at, signOut: change.signOut });
  if (change.clerkOrgId) invalidateMembership(change.clerkOrgId, change.userId);
}

/** A membership this app itself just changed in Clerk (the webhook confirms it later). */
export function recordMembershipChange(clerkOrgId: string, userId: string): Promise<void> {
  return recordChange({ userId, clerkOrgId });
}
