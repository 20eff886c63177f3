// Organization memberships: roles, metadata, and the last-admin rule.
import { errors } from '../errors';
import { newId } from '../ids';
import type { MembershipRecord, OrgRecord } from '../records';
import { ADMIN_ROLE, deepMergeMetadata, isKnownRole, type Metadata } from '../rules';
import { membershipJson } from '../serialize';
import type { ChangeContext, Page, MembershipFilter } from './types';
import { sortRecords, page, includes } from './state';
import { OrganizationStore } from './organizations';

export abstract class MembershipStore extends OrganizationStore {
  findMembership(orgId: string, userId: string): MembershipRecord | undefined {
    for (const m of this.memberships.of(orgId)) if (m.user_id === userId) return m;
    return undefined;
  }

  getMembership(orgId: string, userId: string): MembershipRecord {
    const o = this.getOrganization(orgId);
    const m = this.findMembership(o.id, userId);
    if (!m) throw errors.notFound();
    return m;
  }

  listOrganizationMemberships(orgId: string, f: MembershipFilter, p: Page): { items: MembershipRecord[]; total: number } {
    const o = this.getOrganization(orgId);
    const emails = f.email_address?.map((e) => e.toLowerCase());
    const items = this.membershipsOf(o.id).filter((m) => {
      const u = this.users.get(m.user_id);
      return (
        (!f.user_id?.length || f.user_id.includes(m.user_id)) &&
        (!f.role?.length || f.role.includes(m.role)) &&
        (!emails?.length || (u?.emails.some((e) => emails.includes(e.email_address)) ?? false)) &&
        (!f.query || includes([m.user_id, u?.first_name, u?.last_name, u?.username, ...(u?.emails.map((e) => e.email_address) ?? [])], f.query))
      );
    });
    return page(sortRecords(items, f.order_by), p);
  }

  listUserMemberships(userId: string, p: Page): { items: MembershipRecord[]; total: number } {
    this.getUser(userId);
    const items = [...this.memberships.values()].filter((m) => m.user_id === userId);
    return page(sortRecords(items), p);
  }

  protected assertRole(role: string): void {
    if (!isKnownRole(role)) throw errors.paramValueInvalid('role', `${role} is not a role of this instance.`);
  }

  protected addMembership(o: OrgRecord, userId: string, role: string, pub: Metadata, priv: Metadata, context: ChangeContext | undefined): MembershipRecord {
    this.getUserForParam(userId);
    this.assertRole(role);
    if (this.findMembership(o.id, userId)) throw errors.alreadyMember();
    if (o.max_allowed_memberships > 0 && this.membershipsOf(o.id).length >= o.max_allowed_memberships) {
      throw errors.membershipQuotaExceeded();
    }
    const t = this.now();
    const m: MembershipRecord = {
      id: newId('membership'),
      organization_id: o.id,
      user_id: userId,
      role,
      public_metadata: pub,
      private_metadata: priv,
      created_at: t,
      updated_at: t,
      seq: this.nextSeq(),
    };
    this.memberships.set(m.id, m);
    this.emit('organizationMembership.created', membershipJson(this.view, m), context);
    return m;
  }

  createMembership(orgId: string, input: { user_id: string; role: string; public_metadata?: Metadata | null; private_metadata?: Metadata | null }, context?: ChangeContext): MembershipRecord {
    const o = this.getOrganization(orgId);
    const m = this.addMembership(o, input.user_id, input.role, input.public_metadata ?? {}, input.private_metadata ?? {}, context);
    this.changed();
    return m;
  }

  /** An org keeps at least one admin while it has members (Clerk refuses otherwise). */
  protected assertNotLastAdmin(m: MembershipRecord): void {
    if (m.role !== ADMIN_ROLE) return;
    const admins = this.membershipsOf(m.organization_id).filter((x) => x.role === ADMIN_ROLE);
    const others = this.membershipsOf(m.organization_id).length - 1;
    if (admins.length === 1 && others > 0) throw errors.lastAdmin();
  }

  updateMembershipRole(orgId: string, userId: string, role: string, context?: ChangeContext): MembershipRecord {
    const m = this.getMembership(orgId, userId);
    this.assertRole(role);
    if (role !== m.role) this.assertNotLastAdmin(m);
    m.role = role;
    return this.touchMembership(m, context);
  }

  mergeMembershipMetadata(orgId: string, userId: string, patch: { public_metadata?: Metadata; private_metadata?: Metadata }, context?: ChangeContext): MembershipRecord {
    const m = this.getMembership(orgId, userId);
    if (patch.public_metadata) m.public_metadata = deepMergeMetadata(m.public_metadata, patch.public_metadata);
    if (patch.private_metadata) m.private_metadata = deepMergeMetadata(m.private_metadata, patch.private_metadata);
    return this.touchMembership(m, context);
  }

  protected touchMembership(m: MembershipRecord, context: ChangeContext | undefined): MembershipRecord {
    return this.touch(m, 'organizationMembership.updated', (x) => membershipJson(this.view, x), context);
  }

  deleteMembership(orgId: string, userId: string, context?: ChangeContext): MembershipRecord {
    const m = this.getMembership(orgId, userId);
    this.assertNotLastAdmin(m);
    this.memberships.delete(m.id);
    this.emit('organizationMembership.deleted', membershipJson(this.view, m), context);
    this.changed();
    return m;
  }
}
