// Store records → the Frontend API's JSON (fapi-2026-05-12.yml: Client.Client,
// Client.Session, Client.User, Client.OrganizationMembership, Client.SignUp,
// Client.SignIn). Timestamps are milliseconds, as everywhere in Clerk's APIs.
import type { ClientRecord, InvitationRecord, MembershipRecord, SessionRecord, SignInRecord, SignUpRecord, UserRecord } from '../records';
import { ROLES } from '../rules';
import { currentTasks, sessionStatus } from '../sessions';
import type { InstanceSettings } from '../settings';
import { defaultImageUrl, orgJson, userJson } from '../serialize';
import type { ClerkStore } from '../store';

/** Mints the `last_active_token` of a session being serialised (fresh on every response, as Clerk does). */
export type TokenMinter = (session: SessionRecord) => string;

/** What serialising a session needs besides the store: its token and the instance settings (for tasks). */
export type SessionView = { mint: TokenMinter; settings: Pick<InstanceSettings, 'membershipRequired'> };

function verifiedEmail(e: UserRecord['emails'][number]) {
  return {
    id: e.id,
    object: 'email_address' as const,
    email_address: e.email_address,
    reserved: false,
    verification: { object: 'verification_otp', status: 'verified', strategy: 'email_code', attempts: 1, expire_at: e.created_at + 600_000 },
    linked_to: [],
    matches_sso_connection: false,
    created_at: e.created_at,
    updated_at: e.updated_at,
  };
}

export function meMembershipJson(store: ClerkStore, m: MembershipRecord) {
  const org = store.orgs.get(m.organization_id);
  const user = store.users.get(m.user_id);
  const role = ROLES[m.role];
  const image = defaultImageUrl(store.view);
  const orgOut = org ? orgJson(store.view, org, { includeMembersCount: true }) : null;
  return {
    object: 'organization_membership' as const,
    id: m.id,
    public_metadata: m.public_metadata,
    role: m.role,
    role_name: role?.name ?? m.role,
    permissions: role?.permissions ?? [],
    created_at: m.created_at,
    updated_at: m.updated_at,
    // The Frontend API never shows an org's private metadata.
    organization: orgOut && { ...orgOut, private_metadata: undefined, self_serve_sso_enabled: false },
    public_user_data: user
      ? {
          user_id: user.id,
          first_name: user.first_name,
          last_name: user.last_name,
          image_url: image,
          profile_image_url: image,
          has_image: false,
          identifier: user.emails[0]?.email_address ?? user.id,
          username: user.username,
          banned: user.banned,
          deprovisioned: false,
        }
      : null,
  };
}

export function fapiUserJson(store: ClerkStore, u: UserRecord) {
  const { private_metadata: _private, bypass_client_trust: _bypass, locale: _locale, ...base } = userJson(store.view, u);
  const memberships = [...store.memberships.values()].filter((m) => m.user_id === u.id);
  return {
    ...base,
    email_addresses: u.emails.map(verifiedEmail),
    organization_memberships: memberships.map((m) => meMembershipJson(store, m)),
    deprovisioned: false,
    // Tenantry creates orgs itself (DESIGN.md §3); the UI offers no create-organization action.
    create_organization_enabled: false,
    create_organizations_limit: 0,
    delete_self_enabled: false,
  };
}

function publicUserData(store: ClerkStore, u: UserRecord) {
  const image = defaultImageUrl(store.view);
  return {
    first_name: u.first_name,
    last_name: u.last_name,
    image_url: image,
    profile_image_url: image,
    has_image: false,
    identifier: u.emails.find((e) => e.id === u.primary_email_address_id)?.email_address ?? u.id,
    user_id: u.id,
    username: u.username,
    banned: u.banned,
    deprovisioned: false,
  };
}

export function sessionJson(store: ClerkStore, s: SessionRecord, view: SessionView) {
  const user = store.users.get(s.user_id);
  const active = s.status === 'active' && user !== undefined;
  // A signed-in session with an open task is `pending` (Clerk's session tasks); it still has tokens (`sts: pending`).
  const tasks = active ? currentTasks(store, s, view.settings) : [];
  return {
    object: 'session' as const,
    id: s.id,
    status: active ? sessionStatus(store, s, view.settings) : s.status,
    expire_at: s.expire_at,
    abandon_at: s.created_at + 30 * 86_400_000,
    last_active_at: s.updated_at,
    last_active_token: active ? { object: 'token', jwt: view.mint(s) } : null,
    actor: null,
    last_active_organization_id: s.last_active_organization_id,
    user: user ? fapiUserJson(store, user) : null,
    public_user_data: user ? publicUserData(store, user) : null,
    factor_verification_age: [0, -1],
    tasks: tasks.length > 0 ? tasks : null,
    created_at: s.created_at,
    updated_at: s.updated_at,
  };
}

export function signUpJson(su: SignUpRecord | null) {
  if (!su) return null;
  const missing = [
    ...(su.email_address ? [] : ['email_address']),
    ...(su.password_digest ? [] : ['password']),
  ];
  const emailVerification = su.email_verification
    ? {
        object: 'verification_otp',
        status: su.email_verification.status,
        strategy: su.email_verification.strategy,
        attempts: su.email_verification.attempts,
        expire_at: su.email_verification.expire_at,
        next_action: su.email_verification.status === 'verified' ? '' : 'needs_attempt',
        supported_strategies: ['email_code'],
      }
    : su.email_address
      ? { object: 'verification_otp', status: 'unverified', strategy: 'email_code', attempts: null, expire_at: null, next_action: 'needs_prepare', supported_strategies: ['email_code'] }
      : null;
  return {
    object: 'sign_up_attempt' as const,
    id: su.id,
    status: su.status,
    required_fields: ['email_address', 'password'],
    optional_fields: [],
    missing_fields: missing,
    unverified_fields: su.email_address && su.status !== 'complete' && su.email_verification?.status !== 'verified' ? ['email_address'] : [],
    verifications: { email_address: emailVerification, phone_number: null, web3_wallet: null, external_account: null },
    username: su.username,
    email_address: su.email_address,
    phone_number: null,
    web3_wallet: null,
    password_enabled: su.password_digest !== null,
    first_name: su.first_name,
    last_name: su.last_name,
    unsafe_metadata: su.unsafe_metadata,
    public_metadata: {},
    custom_action: false,
    external_id: null,
    created_session_id: su.created_session_id,
    created_user_id: su.created_user_id,
    abandon_at: su.abandon_at,
    legal_accepted_at: null,
  };
}

export function signInJson(store: ClerkStore, si: SignInRecord | null) {
  if (!si) return null;
  const user = si.user_id ? store.users.get(si.user_id) : undefined;
  const email = user?.emails.find((e) => e.id === user.primary_email_address_id) ?? user?.emails[0];
  const factors = user
    ? [
        ...(user.password_enabled ? [{ strategy: 'password' }] : []),
        ...(email ? [{ strategy: 'email_code', safe_identifier: email.email_address, email_address_id: email.id, primary: true }] : []),
      ]
    : [];
  return {
    object: 'sign_in_attempt' as const,
    id: si.id,
    status: si.status,
    supported_identifiers: ['email_address'],
    supported_first_factors: factors,
    supported_second_factors: null,
    first_factor_verification: si.first_factor
      ? {
          object: { password: 'verification_password', ticket: 'verification_ticket', email_code: 'verification_otp' }[si.first_factor.strategy],
          status: si.first_factor.status,
          strategy: si.first_factor.strategy,
          attempts: si.first_factor.attempts,
          expire_at: si.first_factor.expire_at,
        }
      : null,
    second_factor_verification: null,
    identifier: si.identifier,
    user_data: user ? { ...publicUserData(store, user), identifier: undefined, user_id: undefined } : null,
    created_session_id: si.created_session_id,
    abandon_at: si.abandon_at,
    client_trust_state: null,
  };
}

/** Sessions a client still shows: active ones (ended or removed ones drop out, as in Clerk). */
export function clientSessions(store: ClerkStore, c: ClientRecord): SessionRecord[] {
  return c.session_ids
    .map((id) => store.sessions.get(id))
    .filter((s): s is SessionRecord => s !== undefined && s.status === 'active' && s.expire_at > Date.now() && store.users.has(s.user_id));
}

export function clientJson(store: ClerkStore, c: ClientRecord, view: SessionView) {
  const sessions = clientSessions(store, c);
  return {
    object: 'client' as const,
    id: c.id,
    sessions: sessions.map((s) => sessionJson(store, s, view)),
    sign_in: signInJson(store, c.sign_in),
    sign_up: signUpJson(c.sign_up),
    last_active_session_id: sessions.some((s) => s.id === c.last_active_session_id) ? c.last_active_session_id : null,
    last_authentication_strategy: c.last_authentication_strategy,
    // null: clerk-js would otherwise "touch" a client whose cookie expires within 8 days.
    cookie_expires_at: null,
    captcha_bypass: true,
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}

/** An invitation as its invitee sees it (Client.OrganizationInvitationUserContext). */
export function meInvitationJson(store: ClerkStore, i: InvitationRecord) {
  const org = store.orgs.get(i.organization_id);
  const orgOut = org ? orgJson(store.view, org) : null;
  return {
    object: 'organization_invitation' as const,
    id: i.id,
    email_address: i.email_address,
    role: i.role,
    role_name: ROLES[i.role]?.name ?? i.role,
    organization_id: i.organization_id,
    public_organization_data: {
      id: i.organization_id,
      name: orgOut?.name ?? '',
      slug: orgOut?.slug ?? '',
      image_url: orgOut?.image_url ?? defaultImageUrl(store.view),
      has_image: orgOut?.has_image ?? false,
    },
    status: store.statusOf(i),
    public_metadata: i.public_metadata,
    url: i.url,
    expires_at: i.expires_at,
    created_at: i.created_at,
    updated_at: i.updated_at,
  };
}
