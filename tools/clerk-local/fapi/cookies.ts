// Cookies as Clerk's SDKs name them: each auth cookie exists plain and with a
// suffix derived from the publishable key (`__session_Ab12Cd34`), and
// @clerk/backend picks whichever pair is newer.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const DEV_BROWSER_COOKIE = '__clerk_db_jwt';
export const SESSION_COOKIE = '__session';
export const CLIENT_UAT_COOKIE = '__client_uat';

const YEAR_SECONDS = 365 * 24 * 3600;

/** @clerk/shared's getCookieSuffix: base64url(sha1(publishable key)), 8 characters. */
export function cookieSuffix(publishableKey: string): string {
  return createHash('sha1').update(publishableKey).digest('base64').replace(/\+/g, '-').replace(/\//g, '_').slice(0, 8);
}

export function parseCookies(headers: IncomingHttpHeaders): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    if (!out.has(name)) out.set(name, decodeURIComponent(part.slice(i + 1).trim()));
  }
  return out;
}

/** The suffixed cookie if present, else the plain one. */
export function readAuthCookie(cookies: Map<string, string>, name: string, suffix: string): string | undefined {
  return cookies.get(`${name}_${suffix}`) || cookies.get(name) || undefined;
}

type CookieAttrs = { maxAge?: number; sameSite?: 'Lax' | 'Strict' };

function directive(name: string, value: string, attrs: CookieAttrs): string {
  const parts = [`${name}=${value}`, 'Path=/', `SameSite=${attrs.sameSite ?? 'Lax'}`];
  if (attrs.maxAge !== undefined) parts.push(`Max-Age=${attrs.maxAge}`);
  return parts.join('; ');
}

/** Set-Cookie values for one auth cookie, plain and suffixed. */
export function authCookie(name: string, value: string, suffix: string, attrs: CookieAttrs = {}): string[] {
  return [directive(name, value, attrs), directive(`${name}_${suffix}`, value, attrs)];
}

export function devBrowserCookies(devBrowser: string, suffix: string): string[] {
  return authCookie(DEV_BROWSER_COOKIE, devBrowser, suffix, { maxAge: YEAR_SECONDS });
}

/**
 * What a browser needs after a handshake: a fresh session token and
 * `__client_uat` (seconds of the client's last change) when signed in, both
 * cleared (`__client_uat=0`) when not.
 */
export function sessionCookies(token: string | null, clientUat: number, suffix: string): string[] {
  if (!token) {
    return [...authCookie(SESSION_COOKIE, '', suffix, { maxAge: 0 }), ...authCookie(CLIENT_UAT_COOKIE, '0', suffix, { maxAge: YEAR_SECONDS })];
  }
  return [...authCookie(SESSION_COOKIE, token, suffix), ...authCookie(CLIENT_UAT_COOKIE, String(clientUat), suffix, { maxAge: YEAR_SECONDS })];
}
