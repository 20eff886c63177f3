// What every Frontend API handler needs: the browser's client (found by its
// dev browser token), the request's form body, the signed-in session, and
// fresh session tokens.
import { ClerkApiError, errors } from '../errors';
import { newId } from '../ids';
import type { SigningKey } from '../keys';
import type { ClientRecord, InvitationRecord, SessionRecord, UserRecord } from '../records';
import type { RequestContext, RouteResult } from '../router';
import { clientForDevBrowser, SESSION_SECONDS, sessionToken } from '../sessions';
import type { Outbox } from '../outbox';
import type { Settings } from '../settings';
import { invitationIdOfTicket } from '../tickets';
import type { ClerkStore } from '../store';
import { DEV_BROWSER_COOKIE, devBrowserCookies, parseCookies, readAuthCookie } from './cookies';
import { clientJson, clientSessions, type SessionView } from './serialize';

export type FapiOptions = {
  /** Sign-up waits for the email code 424242 (the instance setting `emailVerification`, kept for older callers). */
  verifyEmailAtSignUp?: boolean;
  /** Lifetime of session tokens the Frontend API issues; Clerk's is 60 s, refreshed by clerk-js. */
  tokenTtlSeconds?: number;
};

export type FapiDeps = {
  store: ClerkStore;
  key: SigningKey;
  /** The emulator's URL: token issuer and base of image URLs. */
  baseUrl: () => string;
  publishableKey: () => string;
  cookieSuffix: () => string;
  instanceId: string;
  options: FapiOptions;
  /** The live instance settings (membership required, email verification). */
  settings: Settings;
  /** Where the emails Clerk would send are kept. */
  outbox: Outbox;
};

/** Clerk's test-mode verification code, accepted for every email code. */
export const TEST_CODE = '424242';

export type FapiRequest = {
  ctx: RequestContext;
  client: ClientRecord;
  /** Set-Cookie values to send (a dev browser created for this request). */
  cookies: string[];
  params: Record<string, string>;
};

export class Fapi {
  constructor(readonly deps: FapiDeps) {}

  get store(): ClerkStore {
    return this.deps.store;
  }

  /** The dev browser token a request carries: `__clerk_db_jwt` in the query, else in a cookie (suffixed first). */
  devBrowserOf(ctx: RequestContext): string | undefined {
    return ctx.query.get(DEV_BROWSER_COOKIE) || readAuthCookie(parseCookies(ctx.headers), DEV_BROWSER_COOKIE, this.deps.cookieSuffix());
  }

  /**
   * The browser's client. A browser with no dev browser yet gets one (and its
   * cookie, on 127.0.0.1 shared with the app, which is what clerkMiddleware
   * reads); an unknown token is adopted rather than refused, since clerk-js
   * does not create dev browsers for a Frontend API host without a Clerk
   * development suffix.
   */
  request(ctx: RequestContext): FapiRequest {
    let devBrowser = this.devBrowserOf(ctx);
    const cookies: string[] = [];
    if (!devBrowser) {
      devBrowser = newId('devBrowser');
      cookies.push(...devBrowserCookies(devBrowser, this.deps.cookieSuffix()));
    }
    return { ctx, client: clientForDevBrowser(this.store, devBrowser), cookies, params: formParams(ctx) };
  }

  /** `azp` of the tokens: the page's origin. */
  originOf(ctx: RequestContext): string {
    const origin = ctx.headers.origin;
    if (typeof origin === 'string' && origin !== 'null') return origin;
    const referer = ctx.headers.referer;
    if (typeof referer === 'string') {
      try {
        return new URL(referer).origin;
      } catch {
        // fall through
      }
    }
    return this.deps.baseUrl();
  }

  mintToken(session: SessionRecord, origin: string, orgId?: string | null): string {
    return sessionToken(this.store, this.deps.key, this.deps.baseUrl(), session, {
      ttlSeconds: this.deps.options.tokenTtlSeconds ?? 60,
      origin,
      orgId,
      settings: this.deps.settings.get(),
    }).token;
  }

  /** How this request's sessions are serialised: tokens for the page's origin, tasks from the settings. */
  sessionView(req: FapiRequest): SessionView {
    const origin = this.originOf(req.ctx);
    return { mint: (s) => this.mintToken(s, origin), settings: this.deps.settings.get() };
  }

  clientJson(req: FapiRequest) {
    return clientJson(this.store, req.client, this.sessionView(req));
  }

  /** `{ response, client }`, the Frontend API's envelope, with the request's cookies. */
  wrap(req: FapiRequest, response: unknown, opts: { withClient?: boolean; status?: number } = {}): RouteResult {
    return {
      status: opts.status,
      body: { response, client: opts.withClient === false ? null : this.clientJson(req) },
      headers: req.cookies.length ? { 'set-cookie': req.cookies } : undefined,
    };
  }

  /** A client-level change (sign-in, sign-out): clerk-js derives `__client_uat` from updated_at. */
  clientChanged(client: ClientRecord): void {
    // Not the store's strictly increasing clock, which may run ahead of the
    // wall clock: __client_uat (this, in seconds) must never pass a token's iat.
    client.updated_at = Math.max(client.created_at, Date.now() - 1);
    this.store.touched();
  }

  /** The pending invitation a `__clerk_ticket` names, or a form error Clerk's UI shows. */
  invitationOfTicket(ticket: string): InvitationRecord {
    const id = invitationIdOfTicket(this.deps.key, ticket);
    const invitation = id ? this.store.invitations.get(id) : undefined;
    if (!invitation) throw ticketInvalid();
    if (invitation.status === 'accepted') throw errors.invitationAlreadyAccepted();
    if (this.store.statusOf(invitation) !== 'pending') throw ticketInvalid();
    return invitation;
  }

  /** Records the verification email Clerk would send (the code is always 424242 here). */
  codeSent(to: string): void {
    this.deps.outbox.add({ to, kind: 'verification_code', subject: `${TEST_CODE} is your verification code`, url: null, code: TEST_CODE });
  }

  /** The session a /me request is about: `_clerk_session_id`, else the client's last active one. */
  sessionOf(req: FapiRequest): SessionRecord {
    const sessions = clientSessions(this.store, req.client);
    const wanted = req.ctx.query.get('_clerk_session_id') || req.client.last_active_session_id;
    const s = sessions.find((x) => x.id === wanted);
    if (!s) throw signedOut();
    return s;
  }

  userOf(req: FapiRequest): UserRecord {
    return this.store.getUser(this.sessionOf(req).user_id);
  }

  /** Signs the client in as `userId`: a new active session, made the last active one. */
  signIn(req: FapiRequest, userId: string, strategy: string, opts: { organizationId?: string | null } = {}): SessionRecord {
    const c = req.client;
    // Single-session mode: any earlier session of this browser ends.
    for (const s of clientSessions(this.store, c)) s.status = 'ended';
    const session = this.store.createSession(userId, opts.organizationId ?? null, SESSION_SECONDS * 1000, c.id);
    c.session_ids = [session.id];
    c.last_active_session_id = session.id;
    c.last_authentication_strategy = strategy;
    this.clientChanged(c);
    return session;
  }
}

function ticketInvalid(): ClerkApiError {
  return new ClerkApiError(422, [
    { code: 'form_param_value_invalid', message: 'is invalid', long_message: 'The invitation link is invalid or has expired.', meta: { param_name: 'ticket' } },
  ]);
}

export function signedOut(): ClerkApiError {
  return new ClerkApiError(401, [
    { code: 'signed_out', message: 'Signed out', long_message: 'You are signed out. Sign in and try again.' },
  ]);
}

/** Frontend API bodies are form-encoded (clerk-js), JSON is accepted too. */
export function formParams(ctx: RequestContext): Record<string, string> {
  const out: Record<string, string> = {};
  if (ctx.rawBody.length === 0) return out;
  const type = String(ctx.headers['content-type'] ?? '');
  if (type.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(ctx.rawBody.toString('utf8'));
    } catch (cause) {
      throw Object.assign(errors.bodyInvalid('The request body is not valid JSON.'), { cause });
    }
    for (const [k, v] of Object.entries((parsed ?? {}) as Record<string, unknown>)) {
      if (v !== null && v !== undefined) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return out;
  }
  for (const [k, v] of new URLSearchParams(ctx.rawBody.toString('utf8'))) out[k] = v;
  return out;
}
