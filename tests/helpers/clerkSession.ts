// Signing a test in as any user: a session minted by tools/clerk-local (in
// process via `clerk.mintSession`, or over HTTP for Playwright, whose tests run
// outside the emulator's process) turned into the three cookies clerkMiddleware
// needs with a development key: __session, __client_uat, __clerk_db_jwt.
import type { BrowserContext } from '@playwright/test';

export type SessionCookies = { __session: string; __client_uat: string; __clerk_db_jwt: string };

export type MintedSessionLike = { token: string; sessionId: string; cookies: SessionCookies };

/** `Cookie:` header value for route tests (`new Request(url, { headers: { cookie } })`). */
export function cookieHeader(session: MintedSessionLike): string {
  return Object.entries(session.cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

export type PlaywrightCookie = Parameters<BrowserContext['addCookies']>[0][number];

/** Entries for `context.addCookies(...)`, scoped to the app's origin. */
export function playwrightCookies(session: MintedSessionLike, baseUrl: string): PlaywrightCookie[] {
  const { hostname } = new URL(baseUrl);
  return Object.entries(session.cookies).map(([name, value]) => ({
    name,
    value,
    domain: hostname,
    path: '/',
    httpOnly: false,
    secure: false,
    sameSite: 'Lax' as const,
  }));
}

export type MintOverHttpOptions = {
  /** The emulator's URL (CLERK_API_URL). */
  apiUrl: string;
  /** CLERK_SECRET_KEY: minting a session is as privileged as the Backend API. */
  secretKey: string;
  userId: string;
  orgId?: string;
  ttlSeconds?: number;
  /** The app's origin, becomes the token's `azp`. */
  origin?: string;
};

/** POST /__local/sessions on a running emulator. */
export async function mintSessionOverHttp(opts: MintOverHttpOptions): Promise<MintedSessionLike> {
  const res = await fetch(`${opts.apiUrl}/__local/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${opts.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      user_id: opts.userId,
      organization_id: opts.orgId,
      ttl_seconds: opts.ttlSeconds,
      origin: opts.origin,
    }),
  });
  if (!res.ok) throw new Error(`clerk-local: minting a session failed with ${res.status}: ${await res.text()}`);
  return (await res.json()) as MintedSessionLike;
}

/** Signs a Playwright browser context in: mint over HTTP, then set the cookies for `baseUrl`. */
export async function signInContext(
  context: BrowserContext,
  baseUrl: string,
  opts: Omit<MintOverHttpOptions, 'origin'>,
): Promise<MintedSessionLike> {
  const session = await mintSessionOverHttp({ ...opts, origin: new URL(baseUrl).origin });
  await context.addCookies(playwrightCookies(session, baseUrl));
  return session;
}
