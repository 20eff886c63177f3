// Records → the Backend API's JSON objects, shaped as bapi-2026-05-12.yml's
// schemas (User, Organization, OrganizationMembership, OrganizationInvitation,
// DeletedObject). The same objects go into webhook payloads.
import type { EmailRecord, InvitationRecord, MembershipRecord, OrgRecord, PhoneRecord, UserRecord } from './records';
import { ROLES } from './rules';

/** What serialisation needs from the store: look-ups and the public base URL. */
export type SerializeContext = {
  baseUrl: () => string;
  user: (id: string) => UserRecord | undefined;
  org: (id: string) => OrgRecord | undefined;
  membersCount: (orgId: string) => number;
  pendingInvitationsCount: (orgId: string) => number;
};

// Clerk always returns an image URL (a generated avatar when nothing was uploaded).
export function defaultImageUrl(ctx: SerializeContext): string {
  return `${ctx.baseUrl()}/__local/images/default.svg`;
}

export function imageUrl(ctx: SerializeContext, imageId: string): string {
  return `${ctx.baseUrl()}/__local/images/${imageId}`;
}

/** What an email address and a phone number share: verified by the admin (Backend API users), linked to nothing. */
function identificationJson(r: { id: string; created_at: number; updated_at: number }) {
  return {
    id: r.id,
    reserved: false,
    verification: { object: 'verification_admin', status: 'verified', strategy: 'admin', attempts: null, expire_at: null },
    linked_to: [],
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

function emailJson(e: EmailRecord) {
  return { ...identificationJson(e), object: 'email_address' as const, email_address: e.email_address };
}

function phoneJson(p: PhoneRecord) {
  return { ...identificationJson(p), object: 'phone_number' as const, phone_number: p.phone_number, reserved_for_second_factor: false, default_second_factor: false, backup_codes: null };
}

export function userJson(ctx: SerializeContext, u: UserRecord) {
  const image = defaultImageUrl(ctx);
  return {
    id: u.id,
    object: 'user' as const,
    external_id: u.external_id,
    primary_email_address_id: u.primary_email_address_id,
    primary_phone_number_id: u.primary_phone_number_id ?? null,
    primary_web3_wallet_id: null,
    username: u.username,
    first_name: u.first_name,
    last_name: u.last_name,
    locale: u.locale,
    profile_image_url: image,
    image_url: image,
    has_image: false,
    public_metadata: u.public_metadata,
    private_metadata: u.private_metadata,
    unsafe_metadata: u.unsafe_metadata,
    email_addresses: u.emails.map(emailJson),
    phone_numbers: (u.phones ?? []).map(phoneJson),
    web3_wallets: [],
    passkeys: [],
    password_enabled: u.password_enabled,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    password_last_updated_at: null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: u.last_sign_in_at,
    banned: u.banned,
    locked: u.locked,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    updated_at: u.updated_at,
    created_at: u.created_at,
    delete_self_enabled: true,
    create_organization_enabled: true,
    create_organizations_limit: null,
    last_active_at: u.last_active_at,
    legal_accepted_at: null,
    bypass_client_trust: false,
  };
}

export type OrgJsonOptions = { includeMembersCount?: boolean };

export function orgJson(ctx: SerializeContext, o: OrgRecord, opts: OrgJsonOptions = {}) {
  return {
    object: 'organization' as const,
    id: o.id,
    name: o.name,
    slug: o.slug,
    image_url: o.image_id ? imageUrl(ctx, o.image_id) : defaultImageUrl(ctx),
    has_image: o.image_id !== null,
    ...(opts.includeMembersCount
      ? { members_count: ctx.membersCount(o.id), pending_invitations_count: ctx.pendingInvitationsCount(o.id) }
      : {}),
    max_allowed_memberships: o.max_allowed_memberships,
    admin_delete_enabled: o.admin_delete_enabled,
    public_metadata: o.public_metadata,
    private_metadata: o.private_metadata,
    ...(o.created_by ? { created_by: o.created_by } : {}),
    created_at: o.created_at,
    updated_at: o.updated_at,
  };
}

function identifier(u: UserRecord): string | null {
  return (
    u.emails.find((e) => e.id === u.primary_email_address_id)?.email_address ??
    u.phones?.find((p) => p.id === u.primary_phone_number_id)?.phone_number ??
    u.username ??
    null
  );
}

export function membershipJson(ctx: SerializeContext, m: MembershipRecord) {
  const org = ctx.org(m.organization_id);
  const user = ctx.user(m.user_id);
  const role = ROLES[m.role];
  const image = defaultImageUrl(ctx);
  return {
    id: m.id,
    object: 'organization_membership' as const,
    role: m.role,
    role_name: role?.name ?? m.role,
    permissions: role?.permissions ?? [],
    public_metadata: m.public_metadata,
    private_metadata: m.private_metadata,
    organization: org ? orgJson(ctx, org) : null,
    public_user_data: {
      user_id: m.user_id,
      first_name: user?.first_name ?? null,
      last_name: user?.last_name ?? null,
      profile_image_url: image,
      image_url: image,
      has_image: false,
      identifier: user ? identifier(user) : null,
      username: user?.username ?? null,
    },
    created_at: m.created_at,
    updated_at: m.updated_at,
  };
}

export function invitationJson(ctx: SerializeContext, i: InvitationRecord) {
  const inviter = i.inviter_id ? ctx.user(i.inviter_id) : undefined;
  const role = ROLES[i.role];
  return {
    object: 'organization_invitation' as const,
    id: i.id,
    email_address: i.email_address,
    role: i.role,
    role_name: role?.name ?? i.role,
    organization_id: i.organization_id,
    inviter_id: i.inviter_id,
    public_inviter_data: inviter
      ? {
          user_id: inviter.id,
          first_name: inviter.first_name,
          last_name: inviter.last_name,
          image_url: defaultImageUrl(ctx),
          has_image: false,
          identifier: identifier(inviter) ?? inviter.id,
        }
      : null,
    status: i.status,
    public_metadata: i.public_metadata,
    private_metadata: i.private_metadata,
    url: i.url,
    expires_at: i.expires_at,
    created_at: i.created_at,
    updated_at: i.updated_at,
  };
}

/** `organizationInvitation.accepted` adds the accepting user and the org's public data. */
export function acceptedInvitationJson(ctx: SerializeContext, i: InvitationRecord, userId: string) {
  const org = ctx.org(i.organization_id);
  return {
    ...invitationJson(ctx, i),
    user_id: userId,
    data: {
      public_organization_data: org
        ? {
            id: org.id,
            name: org.name,
            slug: org.slug,
            image_url: org.image_id ? imageUrl(ctx, org.image_id) : defaultImageUrl(ctx),
            has_image: org.image_id !== null,
          }
        : null,
    },
  };
}

export function deletedJson(object: string, id: string, extra: { slug?: string; external_id?: string } = {}) {
  return { object, id, ...extra, deleted: true };
}

export type UserJson = ReturnType<typeof userJson>;
export type OrgJson = ReturnType<typeof orgJson>;
export type MembershipJson = ReturnType<typeof membershipJson>;
export type InvitationJson = ReturnType<typeof invitationJson>;
