// Session tokens as @clerk/backend 3.25 verifies them: RS256, `kid` from
// /v1/jwks, and Clerk's v2 default claims in full (clerk-docs
// docs/guides/sessions/session-tokens.mdx): azp, exp, fva, iat, iss, jti, nbf,
// sid, sub, v, pla, fea, sts, and `o: { id, slg, rol, per, fpm }` while an
// organization is active (role without its `org:` prefix). `sts` is `pending`
// while a session task is open (membership required, no active org).
import { sign } from 'node:crypto';
import { newId } from './ids';
import type { SigningKey } from './keys';
import type { ClientRecord, SessionRecord } from './records';
import { roleKey, rolePermissionClaims } from './rules';
import type { InstanceSettings } from './settings';
import type { ClerkStore } from './store';

export type MintSessionOptions = {
  userId: string;
  /** Active organization (id or slug); the user must be a member. */
  orgId?: string | null;
  /** Token lifetime; default Clerk's 60 s (clerk-js refreshes it in a browser; tests that need longer say so). */
  ttlSeconds?: number;
  /** `azp`: the origin of the app the token is for. */
  origin?: string;
  /** Shift `iat`/`nbf`/`exp` into the past or future (tests of expired tokens). */
  offsetSeconds?: number;
};

export type MintedSession = {
  token: string;
  sessionId: string;
  claims: SessionClaims;
  /** The cookies `clerkMiddleware` needs with a development key (all three, see FACTS.md). */
  cookies: { __session: string; __client_uat: string; __clerk_db_jwt: string };
};

export type SessionClaims = {
  azp: string;
  exp: number;
  fva: [number, number];
  iat: number;
  iss: string;
  jti: string;
  nbf: number;
  sid: string;
  sts: 'active' | 'pending';
  sub: string;
  v: 2;
  /** Active plans, `u:<user plan>` and `o:<org plan>` while an org is active (Clerk's free plans). */
  pla: string;
  /** Enabled features with their scope (`o:` / `u:`); none for Clerk's default roles. */
  fea: string;
  o?: { id: string; slg: string; rol: string; per: string; fpm: string };
};

/** Clerk's default plans when billing is not set up. */
const FREE_USER_PLAN = 'u:free_user';
const FREE_ORG_PLAN = 'o:free_org';

/** The session's status as Clerk reports it: `pending` while a session task is open. */
export function sessionStatus(store: ClerkStore, session: SessionRecord, settings: Pick<InstanceSettings, 'membershipRequired'>): 'active' | 'pending' {
  return currentTasks(store, session, settings).length > 0 ? 'pending' : 'active';
}

/** Open session tasks: `choose-organization` when membership is required and no org is active. */
export function currentTasks(store: ClerkStore, session: SessionRecord, settings: Pick<InstanceSettings, 'membershipRequired'>): { key: 'choose-organization' }[] {
  if (!settings.membershipRequired) return [];
  const orgId = session.last_active_organization_id;
  const active = orgId ? store.orgs.has(orgId) && store.findMembership(orgId, session.user_id) !== undefined : false;
  return active ? [] : [{ key: 'choose-organization' }];
}

/** Clerk's default session lifetime. */
export const SESSION_SECONDS = 7 * 86_400;

const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');

export function signJwt(payload: object, key: SigningKey): string {
  const header = { alg: 'RS256', kid: key.kid, typ: 'JWT' };
  const data = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${data}.${b64url(sign('RSA-SHA256', Buffer.from(data), key.privateKey))}`;
}

export type TokenOptions = {
  ttlSeconds: number;
  origin: string;
  offsetSeconds?: number;
  /** The org the token is for; default the session's active org. `null` → personal account. */
  orgId?: string | null;
  settings: Pick<InstanceSettings, 'membershipRequired'>;
};

/** A session token for `session` as it is now: the claims `mintSession` and the Frontend API both issue. */
export function sessionToken(store: ClerkStore, key: SigningKey, issuer: string, session: SessionRecord, opts: TokenOptions): { token: string; claims: SessionClaims } {
  const iat = Math.floor(Date.now() / 1000) + (opts.offsetSeconds ?? 0);
  const orgId = opts.orgId === undefined ? session.last_active_organization_id : opts.orgId;
  const org = orgId ? store.orgs.get(orgId) : undefined;
  const membership = org ? store.findMembership(org.id, session.user_id) : undefined;
  const active = org && membership ? { org, membership } : null;
  const claims: SessionClaims = {
    azp: opts.origin,
    exp: iat + opts.ttlSeconds,
    fva: [0, -1],
    iat,
    iss: issuer,
    jti: newId('session').replace('sess_', ''),
    // Clerk back-dates nbf by 10 s to absorb clock skew.
    nbf: iat - 10,
    sid: session.id,
    sts: sessionStatus(store, session, opts.settings),
    sub: session.user_id,
    v: 2,
    pla: active ? `${FREE_USER_PLAN},${FREE_ORG_PLAN}` : FREE_USER_PLAN,
    fea: active ? rolePermissionClaims(active.membership.role).fea : '',
    ...(active
      ? {
          o: {
            id: active.org.id,
            slg: active.org.slug,
            rol: roleKey(active.membership.role),
            per: rolePermissionClaims(active.membership.role).per,
            fpm: rolePermissionClaims(active.membership.role).fpm,
          },
        }
      : {}),
  };
  return { token: signJwt(claims, key), claims };
}

/**
 * A signed-in browser without going through sign-in: a session on a new
 * Frontend API client whose dev browser token is in the returned cookies, so
 * that clerk-js, once loaded with those cookies, sees the same session.
 */
export function mintSession(store: ClerkStore, key: SigningKey, issuer: string, opts: MintSessionOptions, settings: Pick<InstanceSettings, 'membershipRequired'>): MintedSession {
  const ttl = opts.ttlSeconds ?? 60;
  const devBrowser = newId('devBrowser');
  const client = clientForDevBrowser(store, devBrowser);
  // The session lives like a Clerk session (7 days); only its token is short-lived.
  const session = store.createSession(opts.userId, opts.orgId ?? null, Math.max(ttl, SESSION_SECONDS) * 1000, client.id);
  client.session_ids.push(session.id);
  client.last_active_session_id = session.id;
  store.touched();
  const { token, claims } = sessionToken(store, key, issuer, session, {
    ttlSeconds: ttl,
    origin: opts.origin ?? 'http://localhost:3000',
    offsetSeconds: opts.offsetSeconds,
    settings,
  });
  return {
    token,
    sessionId: session.id,
    claims,
    cookies: {
      __session: token,
      // authenticateRequest wants a handshake when iat < __client_uat, so they are equal.
      __client_uat: String(claims.iat),
      __clerk_db_jwt: devBrowser,
    },
  };
}

/** The Frontend API client known by this dev browser token, created on first use. */
export function clientForDevBrowser(store: ClerkStore, devBrowser: string): ClientRecord {
  let client = store.clients.get(devBrowser);
  if (!client) {
    const t = store.now();
    client = {
      id: newId('client'),
      dev_browser: devBrowser,
      session_ids: [],
      last_active_session_id: null,
      sign_up: null,
      sign_in: null,
      last_authentication_strategy: null,
      // Back-dated a second: clerk-js turns updated_at into __client_uat, which must not pass a token's iat.
      created_at: t - 1000,
      updated_at: t - 1000,
      seq: store.nextSeq(),
    };
    store.clients.set(devBrowser, client);
    store.touched();
  }
  return client;
}
