import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server';
import { type NextFetchEvent, NextRequest, NextResponse } from 'next/server';
import createIntlMiddleware from 'next-intl/middleware';
import { type Locale, routing } from './i18n/routing';
import {
  API_CONTENT_SECURITY_POLICY,
  MAX_REQUEST_BODY_BYTES,
  newNonce,
  pageContentSecurityPolicy,
  trustedHeaders,
} from './lib/security';
// The leaf module: the middleware runs on the edge and must not load lib/db.
import { isValidShortName } from './lib/domain';
// lib/env's door for the edge (no zod in the middleware bundle).
import { middlewareConfig } from './lib/env/edge';
import { tooLargeMessage } from './i18n/tooLarge';

// Next loads middleware only from the folder that holds `app/` (here `src/`);
// a root-level copy would be ignored silently (DESIGN.md §4). An e2e test
// proves this file runs: signed-out tenant visits land on the sign-in page.

const handleI18nRouting = createIntlMiddleware(routing);

const isApi = createRouteMatcher(['/api(.*)']);
// Everything under a locale needs a session except these pages.
const isPublicPage = createRouteMatcher([
  '/',
  '/:locale',
  '/:locale/sign-in(.*)',
  '/:locale/sign-up(.*)',
  '/:locale/event(.*)',
]);
// Fixed routes under a locale; any other first segment is a tenant's shortName.
const FIXED_SEGMENTS = new Set(['admin', 'sign-in', 'sign-up', 'event', 'onboarding']);

// Where a pending session (an open Clerk session task) may be: the page that
// completes the task, and the sign-out page.
const isTaskPage = createRouteMatcher(['/:locale/onboarding', '/:locale/event(.*)']);

function localeOf(req: NextRequest): Locale {
  const first = req.nextUrl.pathname.split('/')[1];
  return routing.locales.find((l) => l === first) ?? routing.defaultLocale;
}

/** `/{locale}/{segment}/…` where the segment can be neither a fixed route nor a tenant: the not-found page, signed in or not. */
function cannotBeAPage(req: NextRequest): boolean {
  const [, first, segment] = req.nextUrl.pathname.split('/');
  if (!routing.locales.some((l) => l === first) || !segment) return false;
  return !FIXED_SEGMENTS.has(segment) && !isValidShortName(segment);
}

/** `/xx/…`: a first segment shaped like a language tag that is not one of ours (a tenant link without a locale has one segment). */
function isUnknownLocale(req: NextRequest): boolean {
  const [, first, rest] = req.nextUrl.pathname.split('/');
  return !!first && rest !== undefined && /^[a-z]{2}(?:-[a-z]{2})?$/i.test(first) && !routing.locales.some((l) => l === first);
}

// Rendered by `[tenant]` as not found: `_` never starts a shortName.
const NOT_FOUND_PATH = `/${routing.defaultLocale}/_not-found`;

const clerk = clerkMiddleware(
  async (auth, req) => {
    const nonce = newNonce();
    // API routes answer for themselves (JSON statuses, no locale redirects).
    if (isApi(req)) return withApiPolicy(NextResponse.next());
    if (isUnknownLocale(req)) return withPagePolicy(req, NextResponse.rewrite(new URL(NOT_FOUND_PATH, req.url)), nonce);
    const session = await auth({ treatPendingAsSignedOut: false });
    // A pending session (e.g. `choose-organization` under Clerk's "Membership
    // required") is not signed in yet: it goes to the page that completes the
    // task, never to sign-in, whose redirect would open Clerk's own task screens
    // (DESIGN.md §3 Onboarding).
    if (session.sessionStatus === 'pending' && !isTaskPage(req)) {
      const url = req.nextUrl.clone();
      url.pathname = `/${localeOf(req)}/onboarding`;
      url.search = '';
      return withPagePolicy(req, NextResponse.redirect(url), nonce);
    }
    if (!isPublicPage(req) && !cannotBeAPage(req) && !session.isAuthenticated) {
      return session.redirectToSignIn({ returnBackUrl: req.url });
    }
    return withPagePolicy(req, handleI18nRouting(req), nonce);
  },
  (req) => ({
    signInUrl: `/${localeOf(req)}/sign-in`,
    signUpUrl: `/${localeOf(req)}/sign-up`,
  }),
);

export default async function middleware(request: NextRequest, event: NextFetchEvent) {
  // A body over the limit is refused before anything reads it (Next would
  // otherwise cut it and fail the server action with a 500).
  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BODY_BYTES) {
    return withApiPolicy(
      new NextResponse(tooLargeMessage(localeOf(request)), { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8' } }),
    );
  }
  const { appUrl, trustProxy } = middlewareConfig();
  const trusted = trustedHeaders(request.nextUrl, request.headers, { appUrl, trustProxy });
  const req = trusted ? new NextRequest(trusted.url, { method: request.method, headers: trusted.headers }) : request;
  const response = await clerk(req, event);
  // Clerk's own answers (handshake redirects) get the API policy: they carry no page.
  if (response && !response.headers.has('content-security-policy')) response.headers.set('content-security-policy', API_CONTENT_SECURITY_POLICY);
  return response;
}

function withApiPolicy(response: NextResponse): NextResponse {
  response.headers.set('content-security-policy', API_CONTENT_SECURITY_POLICY);
  return response;
}

/**
 * The page's policy goes on the response for the browser and on the request
 * for Next, which reads the nonce from it and puts it on its scripts (so does
 * ClerkProvider, as `dynamic`).
 */
function withPagePolicy(req: NextRequest, response: NextResponse, nonce: string): NextResponse {
  const config = middlewareConfig();
  const policy = pageContentSecurityPolicy({ nonce, dev: config.dev, clerk: config.clerk });
  response.headers.set('content-security-policy', policy);
  overrideRequestHeaders(req, response, { 'content-security-policy': policy, 'x-nonce': nonce });
  return response;
}

/** NextResponse.next({ request: { headers } }) for a response someone else made (next-intl's). */
function overrideRequestHeaders(req: NextRequest, response: NextResponse, extra: Record<string, string>): void {
  const listed = response.headers.get('x-middleware-override-headers');
  const names = new Set(listed ? listed.split(',') : []);
  if (!listed) {
    req.headers.forEach((value, name) => {
      names.add(name);
      response.headers.set(`x-middleware-request-${name}`, value);
    });
  }
  for (const [name, value] of Object.entries(extra)) {
    names.add(name);
    response.headers.set(`x-middleware-request-${name}`, value);
  }
  response.headers.set('x-middleware-override-headers', [...names].join(','));
}

export const config = {
  matcher: [
    // Every page path, file-like ones included (`/en/x.png` is a 404 page,
    // not a static file: there is no public/ folder); Next's own files, the
    // app's icons (src/app/favicon.ico, icon.svg, apple-icon.png) and the API
    // (next entry) skipped.
    '/((?!_next/|api/|favicon\\.ico$|icon\\.svg$|apple-icon\\.png$).*)',
    // API routes, except webhooks: Svix deliveries carry no session and must
    // reach the handler untouched (DESIGN.md §3, Webhook endpoint); and the CSV
    // upload, whose body the middleware would copy and cut at 10 MB (it checks
    // the session itself).
    '/api/((?!webhooks/|admin/imports$).*)',
  ],
};
