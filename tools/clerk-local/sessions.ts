// Session tokens as @clerk/backend 3.25 verifies them: RS256, `kid` from
// /v1/jwks, and the v2 claims that @clerk/shared's jwtPayloadParser reads
// (`v: 2`, `o: { id, slg, rol }` with the role's `org:` prefix removed,
// `sts`, `fva`).
import { sign } from 'node:crypto';
import { newId } from './ids';
import type { SigningKey } from './keys';
import type { ClientRecord, SessionRecord } from './records';
import { roleKey } from './rules';
import type { ClerkStore } from './store';

export type MintSessionOptions = {
  userId: string;
  /** Active organization (id or slug); the user must be a member. */
  orgId?: string | null;
  /** Token lifetime; default one hour (real Clerk: 60 s, refreshed by clerk-js, which tests don't run). */
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
  sts: 'active';
  sub: string;
  v: 2;
  o?: { id: string; slg: string; rol: string };
};

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
};

/** A session token for `session` as it is now: the claims `mintSession` and the Frontend API both issue. */
export function sessionToken(store: ClerkStore, key: SigningKey, issuer: string, session: SessionRecord, opts: TokenOptions): { token: string; claims: SessionClaims } {
  const iat = Math.floor(Date.now() / 1000) + (opts.offsetSeconds ?? 0);
  const orgId = opts.orgId === undefined ? session.last_active_organization_id : opts.orgId;
  const org = orgId ? store.orgs.get(orgId) : undefined;
  const membership = org ? store.findMembership(org.id, session.user_id) : undefined;
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
    sts: 'active',
    sub: session.user_id,
    v: 2,
    ...(org && membership ? { o: { id: org.id, slg: org.slug, rol: roleKey(membership.role) } } : {}),
  };
  return { token: signJwt(claims, key), claims };
}

/**
 * A signed-in browser without going through sign-in: a session on a new
 * Frontend API client whose dev browser token is in the returned cookies, so
 * that clerk-js, once loaded with those cookies, sees the same session.
 */
export function mintSession(store: ClerkStore, key: SigningKey, issuer: string, opts: MintSessionOptions): MintedSession {
  const ttl = opts.ttlSeconds ?? 3600;
  const devBrowser = newId('devBrowser');
  const client = clientForDevBrowser(store, devBrowser);
  const session = store.createSession(opts.userId, opts.orgId ?? null, ttl * 1000, client.id);
  client.session_ids.push(session.id);
  client.last_active_session_id = session.id;
  store.touched();
  const { token, claims } = sessionToken(store, key, issuer, session, {
    ttlSeconds: ttl,
    origin: opts.origin ?? 'http://localhost:3000',
    offsetSeconds: opts.offsetSeconds,
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
