'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordMembershipChange, requireOrgAccess } from '@/lib/auth';
import { ClerkRejectedError, inviteMember, removeMember, revokeInvitation, setMemberRole } from '@/lib/clerk';
import { log } from '@/lib/log';
import { ORG_ROLE } from '@/lib/domain';

type MembersIntent = 'invite' | 'set-role' | 'remove' | 'revoke';
type MembersError = 'invalid' | 'already-invited' | 'already-member' | 'last-admin' | 'rejected' | 'failed';
/** `at` tells two identical results apart, so the form shows each one (toast, message) once. */
export type MembersResult = { ok: true; intent: MembersIntent; at: number } | { ok: false; intent?: MembersIntent; error: MembersError; at: number };

/** Clerk's refusals that people can act on, by Clerk error code (FACTS.md: Backend API errors). */
const REFUSALS: Record<string, MembersError> = {
  organization_invitation_not_unique: 'already-invited',
  duplicate_record: 'already-invited',
  already_a_member_in_organization: 'already-member',
  organization_minimum_permissions_needed: 'last-admin',
};

const shortName = z.string().min(1).max(48);
const role = z.enum(ORG_ROLE);
const input = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('invite'), shortName, email: z.email().max(320), role }),
  z.object({ intent: z.literal('set-role'), shortName, userId: z.string().startsWith('user_'), role }),
  z.object({ intent: z.literal('remove'), shortName, userId: z.string().startsWith('user_') }),
  z.object({ intent: z.literal('revoke'), shortName, invitationId: z.string().startsWith('orginv_') }),
]);

/**
 * Member management for org admins (DESIGN.md §1). Clerk owns membership:
 * these are Backend API calls only, nothing is written to MongoDB.
 */
export async function manageMembers(_previous: MembersResult | null, form: FormData): Promise<MembersResult> {
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: 'invalid', at: Date.now() };
  const data = parsed.data;
  const { tenant, userId } = await requireOrgAccess(data.shortName, { role: ORG_ROLE.admin, fresh: true });
  const orgId = tenant.clerkOrgId;
  try {
    if (data.intent === 'invite') await inviteMember(orgId, data.email, data.role, userId);
    if (data.intent === 'set-role') await setMemberRole(orgId, data.userId, data.role);
    if (data.intent === 'remove') await removeMember(orgId, data.userId);
    if (data.intent === 'revoke') await revokeInvitation(orgId, data.invitationId, userId);
  } catch (error) {
    // Clerk's refusals say what happened (already invited, last admin…), in the user's language.
    if (error instanceof ClerkRejectedError) return { ok: false, intent: data.intent, error: REFUSALS[error.code ?? ''] ?? 'rejected', at: Date.now() };
    log.error({ err: error, shortName: tenant.shortName, intent: data.intent }, 'member change failed');
    return { ok: false, intent: data.intent, error: 'failed', at: Date.now() };
  }
  // Shared at once, without waiting for Clerk's webhook: the member's older sessions stop being trusted on every instance.
  if (data.intent === 'set-role' || data.intent === 'remove') await recordMembershipChange(orgId, data.userId);
  revalidatePath(`/[locale]/${tenant.shortName}/members`, 'page');
  return { ok: true, intent: data.intent, at: Date.now() };
}
