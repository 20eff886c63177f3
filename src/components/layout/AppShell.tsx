import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Toaster } from '@/components/ui/toast';
import type { Locale } from '@/i18n/routing';
import { clerkInitialState } from '@/lib/auth';
import { env } from '@/lib/env';
import { AppClerkProvider } from './AppClerkProvider';
import { ClientMessages } from './ClientMessages';
import { SiteHeader } from './SiteHeader';
import '@/app/globals.css';

/**
 * The one frame of every page — pages, 403, not-found and error pages alike
 * (the root layout renders it, so Next's 403/404 boundaries share it rather
 * than carrying copies): `<html lang>`, Clerk, the header, the toasts.
 * Client components get the namespaces listed here; pages add their own
 * with <ClientMessages>.
 */
export async function AppShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [initialState, t, requestHeaders] = await Promise.all([clerkInitialState(), getTranslations({ locale, namespace: 'Header' }), headers()]);
  // The middleware's per-request CSP nonce (DESIGN.md §7): Clerk's script tags carry it.
  const nonce = requestHeaders.get('x-nonce') ?? undefined;
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <AppClerkProvider locale={locale} nonce={nonce} initialState={initialState} signUpFallbackRedirectUrl={env().NEXT_PUBLIC_CLERK_SIGN_UP_FALLBACK_REDIRECT_URL}>
          <ClientMessages namespaces={['LocaleSwitcher', 'Error', 'Onboarding']}>
            <Toaster>
              <SiteHeader locale={locale} />
              {/* While a page has nothing to show yet (e.g. a redirect on its way), main:empty shows this label (globals.css). */}
              <main id="main" className="flex-1" data-busy-label={t('loading')}>
                {children}
              </main>
            </Toaster>
          </ClientMessages>
        </AppClerkProvider>
      </body>
    </html>
  );
}
