// GET /v1/client/handshake (a top-level browser navigation, sent there by
// clerkMiddleware) and POST /v1/dev_browser. The handshake gives the app's
// domain the cookies it cannot set itself: the dev browser token and either a
// fresh session token + __client_uat, or cleared ones. The result goes back as
// `__clerk_handshake`, an RS256 JWT signed with the instance key (kid as in
// /v1/jwks) whose payload is `{ handshake: [Set-Cookie directives] }`, which
// @clerk/backend's resolveHandshake verifies and replays.
import { errors } from '../errors';
import { newId } from '../ids';
import type { Router } from '../router';
import { signJwt } from '../sessions';
import { devBrowserCookies, sessionCookies } from './cookies';
import type { Fapi } from './context';
import { clientSessions } from './serialize';

function redirectTarget(raw: string | null): URL {
  if (!raw) throw errors.paramMissing('redirect_url');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw errors.paramInvalid('redirect_url', 'redirect_url must be an absolute URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw errors.paramInvalid('redirect_url', 'redirect_url must be an http(s) URL.');
  }
  return url;
}

/** The Set-Cookie directives for this browser as it is now (see file comment). */
export function handshakeDirectives(f: Fapi, devBrowser: string, origin: string): string[] {
  const suffix = f.deps.cookieSuffix();
  const client = f.store.clients.get(devBrowser);
  const session = client ? clientSessions(f.store, client).find((s) => s.id === client.last_active_session_id) : undefined;
  const token = session ? f.mintToken(session, origin) : null;
  const uat = client ? Math.floor(client.updated_at / 1000) : 0;
  return [...devBrowserCookies(devBrowser, suffix), ...sessionCookies(token, uat, suffix)];
}

export function handshakeToken(f: Fapi, directives: string[]): string {
  const iat = Math.floor(Date.now() / 1000);
  return signJwt({ handshake: directives, iat, exp: iat + 60 }, f.deps.key);
}

export function handshakeRoutes(r: Router, f: Fapi): void {
  r.get('/client/handshake', (ctx) => {
    const target = redirectTarget(ctx.query.get('redirect_url'));
    const req = f.request(ctx);
    const directives = handshakeDirectives(f, req.client.dev_browser, target.origin);
    // Development instances return the payload in the URL (production would use a cookie or a nonce).
    target.searchParams.set('__clerk_handshake', handshakeToken(f, directives));
    return { status: 307, headers: { location: target.href, 'cache-control': 'no-store' } };
  });

  r.post('/dev_browser', () => {
    const id = newId('devBrowser');
    const cookies = devBrowserCookies(id, f.deps.cookieSuffix());
    return { body: { object: 'dev_browser', id, token: id }, headers: { 'set-cookie': cookies } };
  });
}
