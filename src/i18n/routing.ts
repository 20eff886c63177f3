import { defineRouting } from 'next-intl/routing';

export const LOCALES = ['en', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

// `always`: every URL in DESIGN.md carries its locale (`/en/test-0001`), so
// tenant links and Clerk redirects never depend on a cookie.
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: 'en',
  localePrefix: 'always',
});
