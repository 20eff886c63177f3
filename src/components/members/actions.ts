'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordMembershipChange, requireOrgAccess } from '@/lib/auth';
import { ClerkRejectedError, inviteMember, removeMember, revokeInvitation, setMemberRole } from '@/lib/clerk';
import { log } from '@/lib/log';

export type MembersResult = { ok: true } | { ok: false; error: 'invalid' | 'rejected' | 'failed'; detail?: string };

const shortName = z.string().min(1).max(48);
const role = z.enum(['org:admin', 'org:member']);
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
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const data = parsed.data;
  const { tenant, userId } = await requireOrgAccess(data.shortName, { role: 'org:admin', fresh: true });
  const orgId = tenant.clerkOrgId!;
  try {
    if (data.intent === 'invite') await inviteMember(orgId, data.email, data.role, userId);
    if (data.intent === 'set-role') await setMemberRole(orgId, data.userId, data.role);
    if (data.intent === 'remove') await removeMember(orgId, data.userId);
    if (data.intent === 'revoke') await revokeInvitation(orgId, data.invitationId, userId);
  } catch (error) {
    // Clerk's own refusals (e.g. removing the last admin) are shown as Clerk words them.
    if (error instanceof ClerkRejectedError) return { ok: false, error: 'rejected', detail: error.code };
    log.error({ err: error, shortName: tenant.shortName, intent: data.intent }, 'member change failed');
    return { ok: false, error: 'failed' };
  }
  // Shared at once, without waiting for Clerk's webhook: the member's older sessions stop being trusted on every instance.
  if (data.intent === 'set-role' || data.intent === 'remove') await recordMembershipChange(orgId, data.userId);
  revalidatePath(`/[locale]/${tenant.shortName}/members`, 'page');
  return { ok: true };
}
