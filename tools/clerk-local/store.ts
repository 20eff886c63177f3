// The emulator's state: users, organizations, memberships, invitations,
// sessions and uploaded images, all in memory. Every change Clerk would report
// is passed to `emit` as a webhook event with the object as it is now.
import { errors } from './errors';
import { newId } from './ids';
import { passwordDigest } from './passwords';
import type {
  ClientRecord,
  ImageRecord,
  InvitationRecord,
  InvitationStatus,
  MembershipRecord,
  OrgRecord,
  SessionRecord,
  UserRecord,
} from './records';
import {
  ADMIN_ROLE,
  deepMergeMetadata,
  isKnownRole,
  isValidSlug,
  type Metadata,
  slugFromName,
  slugWithSuffix,
} from './rules';
import {
  acceptedInvitationJson,
  deletedJson,
  invitationJson,
  membershipJson,
  orgJson,
  type SerializeContext,
  userJson,
} from './serialize';

/** Who caused a change; becomes the event's `event_attributes.http_request`. */
export type ChangeContext = { clientIp: string; userAgent: string };

export type StoreEvent = { type: string; data: unknown; context: ChangeContext | undefined };

export type StoreOptions = { baseUrl: () => string; emit: (event: StoreEvent) => void };

export type Page = { limit: number; offset: number };

export type CreateUserInput = {
  email_address?: string[];
  first_name?: string | null;
  last_name?: string | null;
  username?: string | null;
  external_id?: string | null;
  locale?: string | null;
  password?: string | null;
  /** A digest computed earlier (Frontend API sign-ups keep the digest, never the password). */
  password_digest?: string | null;
  public_metadata?: Metadata;
  private_metadata?: Metadata;
  unsafe_metadata?: Metadata;
};

export type UpdateUserInput = Omit<CreateUserInput, 'email_address'> & { primary_email_address_id?: string };

export type UserFilter = {
  email_address?: string[];
  user_id?: string[];
  external_id?: string[];
  username?: string[];
  organization_id?: string[];
  query?: string;
  order_by?: string;
};

export type CreateOrgInput = {
  name: string;
  slug?: string | null;
  created_by?: string | null;
  public_metadata?: Metadata | null;
  private_metadata?: Metadata | null;
  max_allowed_memberships?: number | null;
};

export type UpdateOrgInput = {
  name?: string | null;
  slug?: string | null;
  max_allowed_memberships?: number | null;
  admin_delete_enabled?: boolean | null;
  public_metadata?: Metadata | null;
  private_metadata?: Metadata | null;
};

export type OrgFilter = { query?: string; user_id?: string[]; organization_id?: string[]; order_by?: string };

export type MembershipFilter = { user_id?: string[]; role?: string[]; email_address?: string[]; query?: string; order_by?: string };

export type CreateInvitationInput = {
  email_address: string;
  role: string;
  inviter_user_id?: string | null;
  public_metadata?: Metadata | null;
  private_metadata?: Metadata | null;
  redirect_url?: string | null;
  expires_in_days?: number | null;
};

export type StoreSnapshot = {
  seq: number;
  users: UserRecord[];
  orgs: OrgRecord[];
  memberships: MembershipRecord[];
  invitations: InvitationRecord[];
  sessions: SessionRecord[];
  images: { id: string; content_type: string; data: string }[];
  /** Frontend API clients (absent in snapshots written before the Frontend API existed). */
  clients?: ClientRecord[];
};

const DAY_MS = 86_400_000;

/** Newest first (Clerk's default `-created_at`), creation order breaking ties. */
function sortRecords<T extends { created_at: number; updated_at: number; seq: number }>(items: T[], orderBy = '-created_at'): T[] {
  const desc = !orderBy.startsWith('+') && orderBy.startsWith('-');
  const field = orderBy.replace(/^[+-]/, '') === 'updated_at' ? 'updated_at' : 'created_at';
  return [...items].sort((a, b) => {
    const d = a[field] - b[field] || a.seq - b.seq;
    return desc ? -d : d;
  });
}

function page<T>(items: T[], p: Page): { items: T[]; total: number } {
  return { items: items.slice(p.offset, p.offset + p.limit), total: items.length };
}

function includes(haystack: (string | null | undefined)[], needle: string): boolean {
  const n = needle.toLowerCase();
  return haystack.some((h) => h?.toLowerCase().includes(n));
}

export class ClerkStore {
  readonly users = new Map<string, UserRecord>();
  readonly orgs = new Map<string, OrgRecord>();
  readonly memberships = new Map<string, MembershipRecord>();
  readonly invitations = new Map<string, InvitationRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly images = new Map<string, ImageRecord>();
  /** Frontend API clients by dev browser token. */
  readonly clients = new Map<string, ClientRecord>();
  private seq = 0;
  private lastTime = 0;
  private readonly listeners = new Set<() => void>();
  readonly view: SerializeContext;

  constructor(private readonly options: StoreOptions) {
    this.view = {
      baseUrl: options.baseUrl,
      user: (id) => this.users.get(id),
      org: (id) => this.orgs.get(id),
      membersCount: (orgId) => this.membershipsOf(orgId).length,
      pendingInvitationsCount: (orgId) =>
        [...this.invitations.values()].filter((i) => i.organization_id === orgId && this.statusOf(i) === 'pending').length,
    };
  }

  /** Called after every change (persistence hooks in here). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Strictly increasing milliseconds: two changes in the same millisecond still
   * get ordered `updated_at` values, which webhook consumers use to drop stale events.
   */
  now(): number {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return this.lastTime;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  private emit(type: string, data: unknown, context: ChangeContext | undefined): void {
    this.options.emit({ type, data, context });
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  // ---- users -------------------------------------------------------------

  getUser(id: string): UserRecord {
    const u = this.users.get(id);
    if (!u) throw errors.notFound();
    return u;
  }

  private findUserByEmail(email: string): UserRecord | undefined {
    const e = email.toLowerCase();
    for (const u of this.users.values()) if (u.emails.some((x) => x.email_address === e)) return u;
    return undefined;
  }

  private assertUsernameFree(username: string | null | undefined, selfId?: string): void {
    if (!username) return;
    for (const u of this.users.values()) {
      if (u.id !== selfId && u.username === username) {
        throw errors.identifierExists('username', 'That username is taken. Please try another.');
      }
    }
  }

  createUser(input: CreateUserInput, context?: ChangeContext): UserRecord {
    const t = this.now();
    const emails = [...new Set((input.email_address ?? []).map((e) => e.trim().toLowerCase()))];
    for (const e of emails) {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) {
        throw errors.paramInvalid('email_address', 'email_address must be a valid email address.');
      }
      if (this.findUserByEmail(e)) {
        throw errors.identifierExists('email_address', 'That email address is taken. Please try another.');
      }
    }
    this.assertUsernameFree(input.username);
    const emailRecords = emails.map((email_address) => ({ id: newId('emailAddress'), email_address, created_at: t, updated_at: t }));
    const u: UserRecord = {
      id: newId('user'),
      external_id: input.external_id ?? null,
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
      username: input.username ?? null,
      locale: input.locale ?? null,
      emails: emailRecords,
      primary_email_address_id: emailRecords[0]?.id ?? null,
      public_metadata: input.public_metadata ?? {},
      private_metadata: input.private_metadata ?? {},
      unsafe_metadata: input.unsafe_metadata ?? {},
      password_enabled: Boolean(input.password ?? input.password_digest),
      password_digest: input.password ? passwordDigest(input.password) : (input.password_digest ?? null),
      banned: false,
      locked: false,
      last_sign_in_at: null,
      last_active_at: null,
      created_at: t,
      updated_at: t,
      seq: this.nextSeq(),
    };
    this.users.set(u.id, u);
    this.emit('user.created', userJson(this.view, u), context);
    this.changed();
    return u;
  }

  listUsers(filter: UserFilter, p: Page): { items: UserRecord[]; total: number } {
    return page(sortRecords(this.filterUsers(filter), filter.order_by), p);
  }

  countUsers(filter: UserFilter): number {
    return this.filterUsers(filter).length;
  }

  private filterUsers(f: UserFilter): UserRecord[] {
    const emails = f.email_address?.map((e) => e.toLowerCase());
    const orgMembers = f.organization_id?.length
      ? new Set(
          [...this.memberships.values()].filter((m) => f.organization_id?.includes(m.organization_id)).map((m) => m.user_id),
        )
      : undefined;
    return [...this.users.values()].filter(
      (u) =>
        (!f.user_id?.length || f.user_id.includes(u.id)) &&
        (!emails?.length || u.emails.some((e) => emails.includes(e.email_address))) &&
        (!f.external_id?.length || (u.external_id !== null && f.external_id.includes(u.external_id))) &&
        (!f.username?.length || (u.username !== null && f.username.includes(u.username))) &&
        (!orgMembers || orgMembers.has(u.id)) &&
        (!f.query ||
          includes([u.id, u.external_id, u.first_name, u.last_name, u.username, ...u.emails.map((e) => e.email_address)], f.query)),
    );
  }

  updateUser(id: string, input: UpdateUserInput, context?: ChangeContext): UserRecord {
    const u = this.getUser(id);
    if (input.primary_email_address_id !== undefined && !u.emails.some((e) => e.id === input.primary_email_address_id)) {
      throw errors.paramValueInvalid('primary_email_address_id', 'primary_email_address_id must be one of the user\'s email addresses.');
    }
    this.assertUsernameFree(input.username, id);
    if (input.first_name !== undefined) u.first_name = input.first_name;
    if (input.last_name !== undefined) u.last_name = input.last_name;
    if (input.username !== undefined) u.username = input.username;
    if (input.external_id !== undefined) u.external_id = input.external_id;
    if (input.locale !== undefined) u.locale = input.locale;
    if (input.primary_email_address_id !== undefined) u.primary_email_address_id = input.primary_email_address_id;
    if (input.password) {
      u.password_enabled = true;
      u.password_digest = passwordDigest(input.password);
    }
    if (input.public_metadata) u.public_metadata = input.public_metadata;
    if (input.private_metadata) u.private_metadata = input.private_metadata;
    if (input.unsafe_metadata) u.unsafe_metadata = input.unsafe_metadata;
    return this.touchUser(u, context);
  }

  private touchUser(u: UserRecord, context: ChangeContext | undefined): UserRecord {
    u.updated_at = this.now();
    this.emit('user.updated', userJson(this.view, u), context);
    this.changed();
    return u;
  }

  /** PATCH /users/{id}/metadata: deep merge, `null` removes a key. */
  mergeUserMetadata(id: string, patch: { public_metadata?: Metadata; private_metadata?: Metadata; unsafe_metadata?: Metadata }, context?: ChangeContext): UserRecord {
    const u = this.getUser(id);
    if (patch.public_metadata) u.public_metadata = deepMergeMetadata(u.public_metadata, patch.public_metadata);
    if (patch.private_metadata) u.private_metadata = deepMergeMetadata(u.private_metadata, patch.private_metadata);
    if (patch.unsafe_metadata) u.unsafe_metadata = deepMergeMetadata(u.unsafe_metadata, patch.unsafe_metadata);
    return this.touchUser(u, context);
  }

  /** PUT /users/{id}/metadata: each given field replaces the stored one whole. */
  replaceUserMetadata(id: string, patch: { public_metadata?: Metadata; private_metadata?: Metadata; unsafe_metadata?: Metadata }, context?: ChangeContext): UserRecord {
    const u = this.getUser(id);
    if (patch.public_metadata !== undefined) u.public_metadata = patch.public_metadata ?? {};
    if (patch.private_metadata !== undefined) u.private_metadata = patch.private_metadata ?? {};
    if (patch.unsafe_metadata !== undefined) u.unsafe_metadata = patch.unsafe_metadata ?? {};
    return this.touchUser(u, context);
  }

  /** Deleting a user removes their memberships (each reported) and sessions. */
  deleteUser(id: string, context?: ChangeContext): UserRecord {
    const u = this.getUser(id);
    for (const m of [...this.memberships.values()].filter((x) => x.user_id === id)) {
      this.memberships.delete(m.id);
      this.emit('organizationMembership.deleted', membershipJson(this.view, m), context);
    }
    for (const s of this.sessions.values()) if (s.user_id === id) this.sessions.delete(s.id);
    this.users.delete(id);
    this.emit('user.deleted', deletedJson('user', id, u.external_id ? { external_id: u.external_id } : {}), context);
    this.changed();
    return u;
  }

  // ---- organizations -----------------------------------------------------

  getOrganization(idOrSlug: string): OrgRecord {
    const byId = this.orgs.get(idOrSlug);
    if (byId) return byId;
    for (const o of this.orgs.values()) if (o.slug === idOrSlug) return o;
    throw errors.notFound();
  }

  private slugTaken(slug: string, selfId?: string): boolean {
    for (const o of this.orgs.values()) if (o.slug === slug && o.id !== selfId) return true;
    return false;
  }

  private checkSlug(slug: string, selfId?: string): void {
    if (!isValidSlug(slug)) {
      throw errors.paramInvalid('slug', 'The slug can contain only lowercase alphanumeric characters (letters and digits) and the dash "-".');
    }
    if (this.slugTaken(slug, selfId)) throw errors.identifierExists('slug', 'That slug is taken. Please try another.');
  }

  createOrganization(input: CreateOrgInput, context?: ChangeContext): OrgRecord {
    const name = input.name.trim();
    if (!name) throw errors.paramMissing('name');
    if (input.created_by && !this.users.has(input.created_by)) throw errors.creatorNotFound();
    let slug: string;
    if (input.slug !== undefined && input.slug !== null) {
      slug = input.slug;
      this.checkSlug(slug);
    } else {
      slug = slugFromName(name);
      while (this.slugTaken(slug)) slug = slugWithSuffix(slugFromName(name));
    }
    const t = this.now();
    const o: OrgRecord = {
      id: newId('organization'),
      name,
      slug,
      image_id: null,
      public_metadata: input.public_metadata ?? {},
      private_metadata: input.private_metadata ?? {},
      max_allowed_memberships: input.max_allowed_memberships ?? 0,
      admin_delete_enabled: true,
      created_by: input.created_by ?? null,
      created_at: t,
      updated_at: t,
      seq: this.nextSeq(),
    };
    this.orgs.set(o.id, o);
    this.emit('organization.created', orgJson(this.view, o), context);
    // The creator becomes the first admin, as in Clerk.
    if (input.created_by) this.addMembership(o, input.created_by, ADMIN_ROLE, {}, {}, context);
    this.changed();
    return o;
  }

  /** A user id given in a body parameter: unknown → 404 resource_not_found. */
  private getUserForParam(id: string): UserRecord {
    return this.getUser(id);
  }

  listOrganizations(filter: OrgFilter, p: Page): { items: OrgRecord[]; total: number } {
    const include = (filter.user_id ?? []).filter((x) => !x.startsWith('-')).map((x) => x.replace(/^\+/, ''));
    const exclude = (filter.user_id ?? []).filter((x) => x.startsWith('-')).map((x) => x.slice(1));
    const orgInclude = (filter.organization_id ?? []).filter((x) => !x.startsWith('-')).map((x) => x.replace(/^\+/, ''));
    const orgExclude = (filter.organization_id ?? []).filter((x) => x.startsWith('-')).map((x) => x.slice(1));
    const membersOf = (orgId: string) => this.membershipsOf(orgId).map((m) => m.user_id);
    const q = filter.query?.toLowerCase();
    const items = [...this.orgs.values()].filter((o) => {
      const members = include.length || exclude.length ? membersOf(o.id) : [];
      return (
        (!q || o.id === filter.query || o.name.toLowerCase().includes(q) || o.slug.includes(q)) &&
        (!include.length || members.some((m) => include.includes(m))) &&
        !members.some((m) => exclude.includes(m)) &&
        (!orgInclude.length || orgInclude.includes(o.id)) &&
        !orgExclude.includes(o.id)
      );
    });
    return page(sortRecords(items, filter.order_by), p);
  }

  updateOrganization(id: string, input: UpdateOrgInput, context?: ChangeContext): OrgRecord {
    const o = this.getOrganization(id);
    if (input.name !== undefined && input.name !== null && !input.name.trim()) throw errors.paramMissing('name');
    if (input.slug !== undefined && input.slug !== null && input.slug !== o.slug) this.checkSlug(input.slug, o.id);
    if (input.name) o.name = input.name.trim();
    if (input.slug) o.slug = input.slug;
    if (input.max_allowed_memberships !== undefined && input.max_allowed_memberships !== null) {
      o.max_allowed_memberships = input.max_allowed_memberships;
    }
    if (input.admin_delete_enabled !== undefined && input.admin_delete_enabled !== null) {
      o.admin_delete_enabled = input.admin_delete_enabled;
    }
    if (input.public_metadata) o.public_metadata = input.public_metadata;
    if (input.private_metadata) o.private_metadata = input.private_metadata;
    return this.touchOrg(o, context);
  }

  private touchOrg(o: OrgRecord, context: ChangeContext | undefined): OrgRecord {
    o.updated_at = this.now();
    this.emit('organization.updated', orgJson(this.view, o), context);
    this.changed();
    return o;
  }

  mergeOrganizationMetadata(id: string, patch: { public_metadata?: Metadata; private_metadata?: Metadata }, context?: ChangeContext): OrgRecord {
    const o = this.getOrganization(id);
    if (patch.public_metadata) o.public_metadata = deepMergeMetadata(o.public_metadata, patch.public_metadata);
    if (patch.private_metadata) o.private_metadata = deepMergeMetadata(o.private_metadata, patch.private_metadata);
    return this.touchOrg(o, context);
  }

  replaceOrganizationMetadata(id: string, patch: { public_metadata?: Metadata; private_metadata?: Metadata }, context?: ChangeContext): OrgRecord {
    const o = this.getOrganization(id);
    if (patch.public_metadata !== undefined) o.public_metadata = patch.public_metadata ?? {};
    if (patch.private_metadata !== undefined) o.private_metadata = patch.private_metadata ?? {};
    return this.touchOrg(o, context);
  }

  setOrganizationLogo(id: string, image: { contentType: string; data: Buffer }, context?: ChangeContext): OrgRecord {
    const o = this.getOrganization(id);
    if (o.image_id) this.images.delete(o.image_id);
    const img: ImageRecord = { id: newId('image'), content_type: image.contentType, data: image.data };
    this.images.set(img.id, img);
    o.image_id = img.id;
    return this.touchOrg(o, context);
  }

  deleteOrganizationLogo(id: string, context?: ChangeContext): OrgRecord {
    const o = this.getOrganization(id);
    if (o.image_id) this.images.delete(o.image_id);
    o.image_id = null;
    return this.touchOrg(o, context);
  }

  /** Memberships and invitations go with the org; Clerk reports only `organization.deleted`. */
  deleteOrganization(id: string, context?: ChangeContext): OrgRecord {
    const o = this.getOrganization(id);
    for (const m of this.memberships.values()) if (m.organization_id === o.id) this.memberships.delete(m.id);
    for (const i of this.invitations.values()) if (i.organization_id === o.id) this.invitations.delete(i.id);
    if (o.image_id) this.images.delete(o.image_id);
    this.orgs.delete(o.id);
    this.emit('organization.deleted', deletedJson('organization', o.id, { slug: o.slug }), context);
    this.changed();
    return o;
  }

  // ---- memberships -------------------------------------------------------

  membershipsOf(orgId: string): MembershipRecord[] {
    return [...this.memberships.values()].filter((m) => m.organization_id === orgId);
  }

  findMembership(orgId: string, userId: string): MembershipRecord | undefined {
    for (const m of this.memberships.values()) if (m.organization_id === orgId && m.user_id === userId) return m;
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

  private assertRole(role: string): void {
    if (!isKnownRole(role)) throw errors.paramValueInvalid('role', `${role} is not a role of this instance.`);
  }

  private addMembership(o: OrgRecord, userId: string, role: string, pub: Metadata, priv: Metadata, context: ChangeContext | undefined): MembershipRecord {
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
  private assertNotLastAdmin(m: MembershipRecord): void {
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

  private touchMembership(m: MembershipRecord, context: ChangeContext | undefined): MembershipRecord {
    m.updated_at = this.now();
    this.emit('organizationMembership.updated', membershipJson(this.view, m), context);
    this.changed();
    return m;
  }

  deleteMembership(orgId: string, userId: string, context?: ChangeContext): MembershipRecord {
    const m = this.getMembership(orgId, userId);
    this.assertNotLastAdmin(m);
    this.memberships.delete(m.id);
    this.emit('organizationMembership.deleted', membershipJson(this.view, m), context);
    this.changed();
    return m;
  }

  // ---- organization invitations -----------------------------------------

  /** Pending invitations past `expires_at` read as expired. */
  statusOf(i: InvitationRecord): InvitationStatus {
    return i.status === 'pending' && i.expires_at <= Date.now() ? 'expired' : i.status;
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
    if (input.inviter_user_id) this.getUserForParam(input.inviter_user_id);
    const existing = this.findUserByEmail(email);
    if (existing && this.findMembership(o.id, existing.id)) throw errors.alreadyMember();
    for (const i of this.invitations.values()) {
      if (i.organization_id === o.id && i.email_address === email && this.statusOf(i) === 'pending') throw errors.invitationDuplicate();
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
      url: input.redirect_url ? `${input.redirect_url}${input.redirect_url.includes('?') ? '&' : '?'}__clerk_ticket=${id}` : null,
      expires_at: t + (input.expires_in_days ?? 30) * DAY_MS,
      created_at: t,
      updated_at: t,
      seq: this.nextSeq(),
    };
    this.invitations.set(i.id, i);
    this.emit('organizationInvitation.created', invitationJson(this.view, i), context);
    this.changed();
    return i;
  }

  listInvitations(orgId: string, f: { status?: string[]; email_address?: string[]; order_by?: string }, p: Page): { items: InvitationRecord[]; total: number } {
    const o = this.getOrganization(orgId);
    const emails = f.email_address?.map((e) => e.toLowerCase());
    const items = [...this.invitations.values()].filter((i) => {
      i.status = this.statusOf(i);
      return (
        i.organization_id === o.id &&
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
   * What the invitee's sign-up through the Frontend API does in Clerk: the
   * invitation is accepted and a membership created. Offered in-process and
   * at POST /__local/... until the Frontend API exists.
   */
  acceptInvitation(invitationId: string, userId: string, context?: ChangeContext): MembershipRecord {
    const i = this.invitations.get(invitationId);
    if (!i) throw errors.notFound();
    const o = this.getOrganization(i.organization_id);
    if (this.statusOf(i) !== 'pending') throw errors.invitationNotPending();
    const m = this.addMembership(o, userId, i.role, {}, {}, context);
    i.status = 'accepted';
    i.updated_at = this.now();
    this.emit('organizationInvitation.accepted', acceptedInvitationJson(this.view, i, userId), context);
    this.changed();
    return m;
  }

  // ---- sessions ----------------------------------------------------------

  /** A signed-in session; the active org must be one the user belongs to. */
  createSession(userId: string, orgId: string | null, ttlMs: number, clientId?: string): SessionRecord {
    const u = this.getUser(userId);
    if (orgId && !this.findMembership(this.getOrganization(orgId).id, userId)) {
      throw errors.paramValueInvalid('organization_id', `${userId} is not a member of ${orgId}, so it cannot be the active organization.`);
    }
    const t = this.now();
    const s: SessionRecord = {
      id: newId('session'),
      user_id: userId,
      client_id: clientId ?? newId('client'),
      status: 'active',
      last_active_organization_id: orgId ? this.getOrganization(orgId).id : null,
      created_at: t,
      updated_at: t,
      expire_at: t + ttlMs,
      seq: this.nextSeq(),
    };
    this.sessions.set(s.id, s);
    // Signing in is not a user change Clerk reports, so no event here.
    u.last_sign_in_at = t;
    u.last_active_at = t;
    this.changed();
    return s;
  }

  // ---- persistence -------------------------------------------------------

  snapshot(): StoreSnapshot {
    return {
      seq: this.seq,
      users: [...this.users.values()],
      orgs: [...this.orgs.values()],
      memberships: [...this.memberships.values()],
      invitations: [...this.invitations.values()],
      sessions: [...this.sessions.values()],
      images: [...this.images.values()].map((i) => ({ id: i.id, content_type: i.content_type, data: i.data.toString('base64') })),
      clients: [...this.clients.values()],
    };
  }

  restore(s: StoreSnapshot): void {
    this.seq = s.seq;
    for (const u of s.users) this.users.set(u.id, u);
    for (const o of s.orgs) this.orgs.set(o.id, o);
    for (const m of s.memberships) this.memberships.set(m.id, m);
    for (const i of s.invitations) this.invitations.set(i.id, i);
    for (const x of s.sessions) this.sessions.set(x.id, x);
    for (const i of s.images) this.images.set(i.id, { id: i.id, content_type: i.content_type, data: Buffer.from(i.data, 'base64') });
    for (const c of s.clients ?? []) this.clients.set(c.dev_browser, c);
  }

  /** Marks the store changed (persistence) after a Frontend API change to a client. */
  touched(): void {
    this.changed();
  }
}
