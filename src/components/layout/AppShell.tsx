import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Toaster } from '@/components/ui/toast';
import type { Locale } from '@/i18n/routing';
import { clerkInitialState } from '@/lib/auth';
import { env } from '@/lib/env';
import { AppClerkProvider } from './AppClerkProvider';
import { SiteHeader } from './SiteHeader';
import '@/app/globals.css';

/**
 * The one frame of every page — pages, 403, not-found and error pages alike:
 * `<html lang>`, Clerk, messages, the header, the toasts.
 */
export async function AppShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [initialState, messages] = await Promise.all([clerkInitialState(), getMessages({ locale })]);
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <AppClerkProvider locale={locale} initialState={initialState} signUpFallbackRedirectUrl={env().NEXT_PUBLIC_CLERK_SIGN_UP_FALLBACK_REDIRECT_URL}>
          <NextIntlClientProvider locale={locale} messages={messages}>
            <Toaster>
              <SiteHeader locale={locale} />
              <main id="main" className="flex-1">
                {children}
              </main>
            </Toaster>
          </NextIntlClientProvider>
        </AppClerkProvider>
      </body>
    </html>
  );
}
