'use client';

import { ClerkProvider } from '@clerk/nextjs';
import { type ReactNode, use } from 'react';
import { clerkLocalization } from '@/i18n/clerk/load';
import type { Locale } from '@/i18n/routing';

type Props = {
  locale: Locale;
  initialState: Record<string, unknown>;
  nonce: string | undefined;
  signUpFallbackRedirectUrl: string;
  children: ReactNode;
};

/**
 * ClerkProvider on the client, so Clerk's localization arrives as a cached
 * per-locale chunk (`@/i18n/clerk/load`) rather than inside every page's
 * HTML; the session state comes from the server render (no signed-out flash).
 *
 * DESIGN.md §3 Onboarding: after sign-up go to `/` (which takes the user to
 * their test org), after sign-out to the localized sign-out page, and send
 * the `choose-organization` session task to our onboarding page, never to
 * Clerk's create-organization screen.
 */
export function AppClerkProvider({ locale, nonce, initialState, signUpFallbackRedirectUrl, children }: Props) {
  const localization = use(clerkLocalization(locale));
  return (
    <ClerkProvider
      // The server's view of the session (a plain object): Clerk's hooks read it until clerk-js has loaded.
      initialState={initialState as never}
      nonce={nonce}
      localization={localization}
      signInUrl={`/${locale}/sign-in`}
      signUpUrl={`/${locale}/sign-up`}
      signUpFallbackRedirectUrl={signUpFallbackRedirectUrl}
      afterSignOutUrl={`/${locale}/event/sign-out`}
      taskUrls={{ 'choose-organization': `/${locale}/onboarding` }}
      telemetry={false}
      appearance={{ variables: { colorPrimary: 'var(--primary)', colorBackground: 'var(--card)', colorForeground: 'var(--foreground)', colorInput: 'var(--card)', colorInputForeground: 'var(--foreground)', colorNeutral: 'var(--foreground)', colorMutedForeground: 'var(--muted-foreground)', colorPrimaryForeground: 'var(--primary-foreground)' } }}
    >
      {children}
    </ClerkProvider>
  );
}
