import { describe, expect, it } from 'vitest';
import { APP, FakeBrowser } from './browser';
import { email, middlewareClientFor, useEmulator } from './fixture';

const env = useEmulator();
const PASSWORD = 'handshake-password';

/** What clerkMiddleware runs for a page request, configured as the app is (development key, PEM jwtKey, proxy URL). */
function authenticate(url: string, cookies: Record<string, string> = {}) {
  const client = middlewareClientFor(env.local);
  const cookie = Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const request = new Request(url, { headers: { cookie, accept: 'text/html', 'sec-fetch-dest': 'document' } });
  return client.authenticateRequest(request, { proxyUrl: env.local.url, authorizedParties: [APP] });
}

/** `name=value` of each Set-Cookie (attributes dropped; Max-Age=0 means removed). */
function cookieJar(setCookies: string[]): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const line of setCookies) {
    const [pair = ''] = line.split(';');
    const i = pair.indexOf('=');
    if (/max-age=0/i.test(line)) delete jar[pair.slice(0, i)];
    else jar[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return jar;
}

/** Follows the handshake as a browser would: app → clerk-local → app with __clerk_handshake. */
async function handshake(first: Awaited<ReturnType<typeof authenticate>>) {
  expect(first.status).toBe('handshake');
  const toClerk = first.headers.get('location')!;
  expect(toClerk.startsWith(`${env.local.url}/v1/client/handshake?`)).toBe(true);
  const res = await fetch(toClerk, { redirect: 'manual' });
  expect(res.status).toBe(307);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const back = res.headers.get('location')!;
  expect(back.startsWith(`${APP}/en?`)).toBe(true);
  expect(new URL(back).searchParams.get('__clerk_handshake')).toMatch(/^eyJ/);
  const resolved = await authenticate(back);
  return { back, resolved, jar: cookieJar(resolved.headers.getSetCookie()) };
}

describe('clerk-local handshake and dev browser', () => {
  it('a browser without a dev browser is sent to the handshake, which gives it one, signed out', async () => {
    const first = await authenticate(`${APP}/en`);
    expect(first.reason).toBe('dev-browser-missing');
    const { resolved, jar } = await handshake(first);
    // The token verified (else resolveHandshake throws in development) and the directives were replayed.
    expect(resolved.status).toBe('signed-out');
    expect(resolved.headers.get('location')).toBe(`${APP}/en`);
    expect(jar.__clerk_db_jwt).toMatch(/^dvb_/);
    expect(jar.__client_uat).toBe('0');
    expect(jar.__session).toBeUndefined();

    const next = await authenticate(`${APP}/en`, jar);
    expect(next.status).toBe('signed-out');
    expect(next.reason).not.toBe('dev-browser-missing');
  });

  it('the handshake of a signed-in browser sets a fresh session token that authenticateRequest accepts', async () => {
    const browser = new FakeBrowser(env.local);
    const devBrowser = await browser.createDevBrowser();
    const address = email('hs');
    const signUp = await browser.call('POST', '/client/sign_ups', { email_address: address, password: PASSWORD });
    expect(signUp.status).toBe(200);

    const first = await authenticate(`${APP}/en`, { __clerk_db_jwt: devBrowser });
    expect(first.status).toBe('signed-out'); // no session cookie yet: signed out without a handshake
    const needsHandshake = await authenticate(`${APP}/en`, { __clerk_db_jwt: devBrowser, __client_uat: '1' });
    const { resolved, jar } = await handshake(needsHandshake);
    expect(resolved.status).toBe('signed-in');
    expect(jar.__clerk_db_jwt).toBe(devBrowser);
    expect(Number(jar.__client_uat)).toBeGreaterThan(0);

    const next = await authenticate(`${APP}/en`, jar);
    expect(next.status).toBe('signed-in');
    const [user] = (await env.clerk.users.getUserList({ emailAddress: [address] })).data;
    expect(next.toAuth()).toMatchObject({ userId: user!.id });
  });

  it('a handshake token signed with another key is rejected', async () => {
    const { back } = await handshake(await authenticate(`${APP}/en`));
    const token = new URL(back).searchParams.get('__clerk_handshake')!;
    const [h, p] = token.split('.');
    const forged = new URL(back);
    forged.searchParams.set('__clerk_handshake', `${h}.${p}.${Buffer.from('not a signature').toString('base64url')}`);
    await expect(authenticate(forged.href)).rejects.toThrow(/signature/i);
  });

  it('refuses a handshake without a usable redirect_url', async () => {
    for (const query of ['', '?redirect_url=javascript:alert(1)', '?redirect_url=not-a-url']) {
      const res = await fetch(`${env.local.url}/v1/client/handshake${query}`, { redirect: 'manual' });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { errors: { meta: { param_name: string } }[] }).errors[0]?.meta.param_name).toBe('redirect_url');
    }
  });

  it('POST /v1/dev_browser creates a dev browser and sets its cookies, plain and suffixed', async () => {
    const res = await fetch(`${env.local.url}/v1/dev_browser`, { method: 'POST' });
    const body = (await res.json()) as { id: string };
    expect(body.id).toMatch(/^dvb_/);
    const names = res.headers.getSetCookie().map((c) => c.split('=')[0]);
    expect(names).toContain('__clerk_db_jwt');
    expect(names.some((n) => /^__clerk_db_jwt_[\w-]{8}$/.test(n ?? ''))).toBe(true);
  });

  it('a minted session is on a Frontend API client that clerk-js finds by the minted dev browser', async () => {
    const user = await env.clerk.users.createUser({ emailAddress: [email('minted')] });
    const minted = env.local.mintSession({ userId: user.id, origin: APP });
    const browser = new FakeBrowser(env.local, minted.cookies.__clerk_db_jwt);
    const client = await browser.call<{ response: { sessions: { id: string }[]; last_active_session_id: string } }>('GET', '/client');
    expect(client.body.response.last_active_session_id).toBe(minted.sessionId);
    expect(client.body.response.sessions.map((s) => s.id)).toEqual([minted.sessionId]);
  });
});
