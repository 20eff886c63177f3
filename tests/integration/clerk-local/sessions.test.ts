import { verifyToken } from '@clerk/backend';
import { describe, expect, it } from 'vitest';
import { cookieHeader, mintSessionOverHttp } from '../../helpers/clerkSession';
import { email, middlewareClientFor, uniq, useEmulator } from './fixture';

const env = useEmulator();
const APP = 'http://localhost:3000';

async function member() {
  const user = await env.clerk.users.createUser({ emailAddress: [email()] });
  const org = await env.clerk.organizations.createOrganization({ name: 'Sess', slug: uniq('sess'), createdBy: user.id });
  return { user, org };
}

/** What clerkMiddleware runs, with the app's configuration (development key, PEM jwtKey). */
function authenticate(cookie: string) {
  const client = middlewareClientFor(env.local);
  const request = new Request(`${APP}/en/dashboard`, { headers: { cookie, accept: 'text/html' } });
  return client.authenticateRequest(request, { authorizedParties: [APP] });
}

function tamper(token: string): string {
  const [h, p, s] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
  claims.sub = 'user_someoneelse';
  return `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
}

describe('clerk-local session tokens', () => {
  it('verifyToken accepts a minted session with the PEM jwtKey and reports v2 org claims', async () => {
    const { user, org } = await member();
    const s = env.local.mintSession({ userId: user.id, orgId: org.id });
    // The package's verifyToken returns the claims and throws TokenVerificationError on failure.
    const claims = await verifyToken(s.token, { jwtKey: env.local.jwtKey });
    expect(claims).toMatchObject({ sub: user.id, sid: s.sessionId, v: 2, sts: 'active', o: { id: org.id, slg: org.slug, rol: 'admin' } });
  });

  it('verifyToken also accepts it via JWKS from /v1/jwks (secretKey + apiUrl) and the one-line CLERK_JWT_KEY', async () => {
    const { user } = await member();
    const s = env.local.mintSession({ userId: user.id });
    const viaJwks = await verifyToken(s.token, { secretKey: env.local.secretKey, apiUrl: env.local.url, skipJwksCache: true });
    expect(viaJwks.sub).toBe(user.id);
    const viaEnv = await verifyToken(s.token, { jwtKey: env.local.env().CLERK_JWT_KEY });
    expect(viaEnv.sub).toBe(user.id);
    const jwks = await env.clerk.jwks.getJwks();
    expect(jwks.keys?.[0]?.kid).toBe(JSON.parse(Buffer.from(s.token.split('.')[0] ?? '', 'base64url').toString()).kid);
  });

  it('authenticateRequest signs in with the three cookies and yields userId, orgId, orgSlug, orgRole', async () => {
    const { user, org } = await member();
    const s = env.local.mintSession({ userId: user.id, orgId: org.id, origin: APP });
    const state = await authenticate(cookieHeader(s));
    expect(state.status).toBe('signed-in');
    const auth = state.toAuth();
    expect(auth).toMatchObject({ userId: user.id, sessionId: s.sessionId, orgId: org.id, orgSlug: org.slug, orgRole: 'org:admin' });
  });

  it('a session without an active org has no org claims', async () => {
    const { user } = await member();
    const s = env.local.mintSession({ userId: user.id, origin: APP });
    const auth = (await authenticate(cookieHeader(s))).toAuth();
    expect(auth).toMatchObject({ userId: user.id, orgId: undefined });
  });

  it('without __clerk_db_jwt a development key asks for a handshake (dev-browser-missing)', async () => {
    const { user } = await member();
    const s = env.local.mintSession({ userId: user.id, origin: APP });
    const state = await authenticate(`__session=${s.cookies.__session}; __client_uat=${s.cookies.__client_uat}`);
    expect(state.status).toBe('handshake');
    expect(state.reason).toBe('dev-browser-missing');
  });

  it('rejects an expired token', async () => {
    const { user } = await member();
    const s = env.local.mintSession({ userId: user.id, ttlSeconds: 60, offsetSeconds: -3600, origin: APP });
    await expect(verifyToken(s.token, { jwtKey: env.local.jwtKey })).rejects.toMatchObject({ reason: 'token-expired' });
    const state = await authenticate(cookieHeader(s));
    expect(state.status).not.toBe('signed-in');
  });

  it('rejects a tampered token', async () => {
    const { user } = await member();
    const s = env.local.mintSession({ userId: user.id, origin: APP });
    const bad = tamper(s.token);
    await expect(verifyToken(bad, { jwtKey: env.local.jwtKey })).rejects.toMatchObject({ reason: 'token-invalid-signature' });
    const state = await authenticate(cookieHeader({ ...s, cookies: { ...s.cookies, __session: bad } }));
    expect(state.status).not.toBe('signed-in');
  });

  it('mints over HTTP for out-of-process tests (secret key required)', async () => {
    const { user, org } = await member();
    const s = await mintSessionOverHttp({ apiUrl: env.local.url, secretKey: env.local.secretKey, userId: user.id, orgId: org.id, origin: APP });
    expect((await authenticate(cookieHeader(s))).toAuth()).toMatchObject({ userId: user.id, orgId: org.id });
    await expect(mintSessionOverHttp({ apiUrl: env.local.url, secretKey: 'sk_test_wrong', userId: user.id })).rejects.toThrow(/401/);
  });

  it('refuses an active org the user does not belong to', async () => {
    const { user } = await member();
    const other = await env.clerk.organizations.createOrganization({ name: 'Other', slug: uniq('other') });
    expect(() => env.local.mintSession({ userId: user.id, orgId: other.id })).toThrow(/not a member/);
  });
});
