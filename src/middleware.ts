import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server';
import type { NextRequest } from 'next/server';
import createIntlMiddleware from 'next-intl/middleware';
import { type Locale, routing } from './i18n/routing';

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

function localeOf(req: NextRequest): Locale {
  const first = req.nextUrl.pathname.split('/')[1];
  return routing.locales.find((l) => l === first) ?? routing.defaultLocale;
}

export default clerkMiddleware(
  async (auth, req) => {
    // API routes answer for themselves (JSON statuses, no locale redirects).
    if (isApi(req)) return;
    if (!isPublicPage(req)) {
      const { isAuthenticated, redirectToSignIn } = await auth();
      if (!isAuthenticated) return redirectToSignIn({ returnBackUrl: req.url });
    }
    return handleI18nRouting(req);
  },
  (req) => ({
    signInUrl: `/${localeOf(req)}/sign-in`,
    signUpUrl: `/${localeOf(req)}/sign-up`,
  }),
);

export const config = {
  matcher: [
    // Pages, skipping Next internals and static files.
    '/((?!_next|api/webhooks/|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest|txt)).*)',
    // API routes, except webhooks: Svix deliveries carry no session and must
    // reach the handler untouched (DESIGN.md §3, Webhook endpoint); and the CSV
    // upload, whose body the middleware would copy and cut at 10 MB (it checks
    // the session itself).
    '/api/((?!webhooks/|admin/imports$).*)',
  ],
};
