// Organization invitations: create, list, revoke, accept.
import { errors } from '../errors';
import { newId } from '../ids';
import type { InvitationRecord, MembershipRecord } from '../records';
import { checkMetadataSize } from '../validation';
import { acceptedInvitationJson, invitationJson } from '../serialize';
import type { ChangeContext, Page, CreateInvitationInput } from './types';
import { DAY_MS, sortRecords, page } from './state';
import { MembershipStore } from './memberships';

export abstract class InvitationStore extends MembershipStore {
  /** Pending invitations to any of these addresses, across orgs (what `/v1/me/organization_invitations` lists). */
  pendingInvitationsFor(emails: string[]): InvitationRecord[] {
    const wanted = new Set(emails.map((e) => e.toLowerCase()));
    return sortRecords([...this.invitations.values()].filter((i) => wanted.has(i.email_address) && this.statusOf(i) === 'pending'));
  }

  getInvitation(orgId: string, invitationId: string): InvitationRecord {
    const o = this.getOrganization(orgId);
    const i = this.invitations.get(invitationId);
    if (!i || i.organization_id !== o.id) throw errors.notFound();
    i.status = this.statusOf(i);
    return i;
  }

  createInvitation(orgId: string, input: CreateInvitationInput, context?: ChangeContext): InvitationRecord {
    const o = this.getOrganization(orgId);
    const email = input.email_address.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      throw errors.paramInvalid('email_address', 'email_address must be a valid email address.');
    }
    this.assertRole(input.role);
    checkMetadataSize({ public_metadata: input.public_metadata, private_metadata: input.private_metadata });
    if (input.inviter_user_id) this.getUserForParam(input.inviter_user_id);
    const existing = this.findUserByEmail(email);
    if (existing && this.findMembership(o.id, existing.id)) throw errors.alreadyMember();
    for (const i of this.invitations.of(o.id)) {
      if (i.email_address === email && this.statusOf(i) === 'pending') throw errors.invitationDuplicate();
    }
    const t = this.now();
    const id = newId('invitation');
    const i: InvitationRecord = {
      id,
      organization_id: o.id,
      email_address: email,
      role: input.role,
      inviter_id: input.inviter_user_id ?? null,
      status: 'pending',
      public_metadata: input.public_metadata ?? {},
      private_metadata: input.private_metadata ?? {},
      url: null,
      expires_at: t + (input.expires_in_days ?? 30) * DAY_MS,
      created_at: t,
      updated_at: t,
      seq: this.nextSeq(),
    };
    i.url = this.options.invitationSent?.(i, { userExists: existing !== undefined, redirectUrl: input.redirect_url ?? null }) ?? null;
    this.invitations.set(i.id, i);
    this.emit('organizationInvitation.created', invitationJson(this.view, i), context);
    this.changed();
    return i;
  }

  listInvitations(orgId: string, f: { status?: string[]; email_address?: string[]; order_by?: string }, p: Page): { items: InvitationRecord[]; total: number } {
    const o = this.getOrganization(orgId);
    const emails = f.email_address?.map((e) => e.toLowerCase());
    const items = this.invitations.of(o.id).filter((i) => {
      i.status = this.statusOf(i);
      return (
        (!f.status?.length || f.status.includes(i.status)) &&
        (!emails?.length || emails.includes(i.email_address))
      );
    });
    return page(sortRecords(items, f.order_by), p);
  }

  revokeInvitation(orgId: string, invitationId: string, context?: ChangeContext): InvitationRecord {
    const i = this.getInvitation(orgId, invitationId);
    if (i.status !== 'pending') throw errors.invitationNotPending();
    i.status = 'revoked';
    i.updated_at = this.now();
    this.emit('organizationInvitation.revoked', invitationJson(this.view, i), context);
    this.changed();
    return i;
  }

  /**
   * What the invitee's ticket sign-up or sign-in, or accepting while signed
   * in, does in Clerk: the invitation is accepted and a membership created
   * with its role. Also at POST /__local/invitations/{id}/accept.
   */
  acceptInvitation(invitationId: string, userId: string, context?: ChangeContext): MembershipRecord {
    const i = this.invitations.get(invitationId);
    if (!i) throw errors.notFound();
    const o = this.getOrganization(i.organization_id);
    if (i.status === 'accepted') throw errors.invitationAlreadyAccepted();
    if (this.statusOf(i) !== 'pending') throw errors.invitationNotPending();
    const m = this.addMembership(o, userId, i.role, {}, {}, context);
    i.status = 'accepted';
    i.updated_at = this.now();
    this.emit('organizationInvitation.accepted', acceptedInvitationJson(this.view, i, userId), context);
    this.changed();
    return m;
  }
}
