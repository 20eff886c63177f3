// Session tokens as @clerk/backend 3.25 verifies them: RS256, `kid` from
// /v1/jwks, and the v2 claims that @clerk/shared's jwtPayloadParser reads
// (`v: 2`, `o: { id, slg, rol }` with the role's `org:` prefix removed,
// `sts`, `fva`).
import { sign } from 'node:crypto';
import { newId } from './ids';
import type { SigningKey } from './keys';
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

export function mintSession(store: ClerkStore, key: SigningKey, issuer: string, opts: MintSessionOptions): MintedSession {
  const ttl = opts.ttlSeconds ?? 3600;
  const session = store.createSession(opts.userId, opts.orgId ?? null, ttl * 1000);
  const iat = Math.floor(Date.now() / 1000) + (opts.offsetSeconds ?? 0);
  const org = session.last_active_organization_id ? store.orgs.get(session.last_active_organization_id) : undefined;
  const membership = org ? store.findMembership(org.id, opts.userId) : undefined;
  const claims: SessionClaims = {
    azp: opts.origin ?? 'http://localhost:3000',
    exp: iat + ttl,
    fva: [0, -1],
    iat,
    iss: issuer,
    jti: newId('session').replace('sess_', ''),
    // Clerk back-dates nbf by 10 s to absorb clock skew.
    nbf: iat - 10,
    sid: session.id,
    sts: 'active',
    sub: opts.userId,
    v: 2,
    ...(org && membership ? { o: { id: org.id, slg: org.slug, rol: roleKey(membership.role) } } : {}),
  };
  const token = signJwt(claims, key);
  return {
    token,
    sessionId: session.id,
    claims,
    cookies: {
      __session: token,
      // authenticateRequest wants a handshake when iat < __client_uat, so they are equal.
      __client_uat: String(iat),
      __clerk_db_jwt: newId('devBrowser'),
    },
  };
}
