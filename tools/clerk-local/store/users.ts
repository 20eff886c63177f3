// Users: create, list, update, metadata, delete.
import { errors } from '../errors';
import { newId } from '../ids';
import { passwordDigest } from '../passwords';
import type { UserRecord } from '../records';
import { deepMergeMetadata, type Metadata } from '../rules';
import { checkHasIdentifier, checkMetadataSize, checkPhoneNumber } from '../validation';
import { deletedJson, membershipJson, userJson } from '../serialize';
import type { ChangeContext, Page, CreateUserInput, UpdateUserInput, UserFilter } from './types';
import { StoreState, sortRecords, page, includes } from './state';

export abstract class UserStore extends StoreState {
  getUser(id: string): UserRecord {
    const u = this.users.get(id);
    if (!u) throw errors.notFound();
    return u;
  }

  protected findUserByEmail(email: string): UserRecord | undefined {
    const e = email.toLowerCase();
    for (const u of this.users.values()) if (u.emails.some((x) => x.email_address === e)) return u;
    return undefined;
  }

  protected assertUsernameFree(username: string | null | undefined, selfId?: string): void {
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
    const phones = [...new Set((input.phone_number ?? []).map(checkPhoneNumber))];
    for (const p of phones) {
      if ([...this.users.values()].some((u) => u.phones?.some((x) => x.phone_number === p))) {
        throw errors.identifierExists('phone_number', 'That phone number is taken. Please try another.');
      }
    }
    checkHasIdentifier({ emails, phones, username: input.username });
    checkMetadataSize({ public_metadata: input.public_metadata, private_metadata: input.private_metadata, unsafe_metadata: input.unsafe_metadata });
    this.assertUsernameFree(input.username);
    const emailRecords = emails.map((email_address) => ({ id: newId('emailAddress'), email_address, created_at: t, updated_at: t }));
    const phoneRecords = phones.map((phone_number) => ({ id: newId('phoneNumber'), phone_number, created_at: t, updated_at: t }));
    const u: UserRecord = {
      id: newId('user'),
      external_id: input.external_id ?? null,
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
      username: input.username ?? null,
      locale: input.locale ?? null,
      emails: emailRecords,
      primary_email_address_id: emailRecords[0]?.id ?? null,
      phones: phoneRecords,
      primary_phone_number_id: phoneRecords[0]?.id ?? null,
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

  protected filterUsers(f: UserFilter): UserRecord[] {
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
    checkMetadataSize({ public_metadata: input.public_metadata, private_metadata: input.private_metadata, unsafe_metadata: input.unsafe_metadata });
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

  protected touchUser(u: UserRecord, context: ChangeContext | undefined): UserRecord {
    return this.touch(u, 'user.updated', (x) => userJson(this.view, x), context);
  }

  /** PATCH /users/{id}/metadata: deep merge, `null` removes a key. */
  mergeUserMetadata(id: string, patch: { public_metadata?: Metadata; private_metadata?: Metadata; unsafe_metadata?: Metadata }, context?: ChangeContext): UserRecord {
    const u = this.getUser(id);
    const merged = {
      public_metadata: patch.public_metadata ? deepMergeMetadata(u.public_metadata, patch.public_metadata) : undefined,
      private_metadata: patch.private_metadata ? deepMergeMetadata(u.private_metadata, patch.private_metadata) : undefined,
      unsafe_metadata: patch.unsafe_metadata ? deepMergeMetadata(u.unsafe_metadata, patch.unsafe_metadata) : undefined,
    };
    // Checked before anything changes: a refused merge leaves the user as it was.
    checkMetadataSize(merged);
    if (merged.public_metadata) u.public_metadata = merged.public_metadata;
    if (merged.private_metadata) u.private_metadata = merged.private_metadata;
    if (merged.unsafe_metadata) u.unsafe_metadata = merged.unsafe_metadata;
    return this.touchUser(u, context);
  }

  /** PUT /users/{id}/metadata: each given field replaces the stored one whole. */
  replaceUserMetadata(id: string, patch: { public_metadata?: Metadata; private_metadata?: Metadata; unsafe_metadata?: Metadata }, context?: ChangeContext): UserRecord {
    const u = this.getUser(id);
    checkMetadataSize(patch);
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
}
