import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/AppShell';
import { type Locale, routing } from '@/i18n/routing';

// Every page, 403 and not-found included, in one shell. The locale comes from
// the request (next-intl's middleware, or `[locale]/layout.tsx`).
export default async function RootLayout({ children }: { children: ReactNode }) {
  const requested = await getLocale();
  const locale = (routing.locales as readonly string[]).includes(requested) ? (requested as Locale) : routing.defaultLocale;
  return <AppShell locale={locale}>{children}</AppShell>;
}
