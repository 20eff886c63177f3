import { ClerkProvider } from '@clerk/nextjs';
import type { Metadata } from 'next';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { clerkLocalization } from '@/i18n/clerkLocalization';
import { routing } from '@/i18n/routing';
import { env } from '@/lib/env';
import { enterLocale } from '@/i18n/enterLocale';
import '../globals.css';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({
    locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale,
    namespace: 'Metadata',
  });
  return { title: t('title'), description: t('description') };
}

export default async function LocaleLayout({ children, params }: Props) {
  const locale = await enterLocale(params);

  // DESIGN.md §3 Onboarding: after sign-up go to `/` (which takes the user to
  // their test org), after sign-out to the localized sign-out page, and send
  // the `choose-organization` session task to our onboarding page, never to
  // Clerk's create-organization screen. `dynamic`: Clerk's scripts carry this
  // request's CSP nonce (DESIGN.md §7), so every page renders per request.
  return (
    <html lang={locale}>
      <body>
        <ClerkProvider
          dynamic
          localization={clerkLocalization[locale]}
          signInUrl={`/${locale}/sign-in`}
          signUpUrl={`/${locale}/sign-up`}
          signUpFallbackRedirectUrl={env().NEXT_PUBLIC_CLERK_SIGN_UP_FALLBACK_REDIRECT_URL}
          afterSignOutUrl={`/${locale}/event/sign-out`}
          taskUrls={{ 'choose-organization': `/${locale}/onboarding` }}
          telemetry={false}
        >
          <NextIntlClientProvider>
            <SiteHeader />
            <main>{children}</main>
          </NextIntlClientProvider>
        </ClerkProvider>
      </body>
    </html>
  );
}
