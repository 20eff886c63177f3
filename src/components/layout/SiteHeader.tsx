import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';
import type { Locale } from '@/i18n/routing';
import { headerSession } from '@/lib/auth';
import { AppLogo } from './AppLogo';
import { LocaleSwitcher } from './LocaleSwitcher';
import { OrgSwitcher } from './OrgSwitcher';
import { UserMenu } from './UserMenu';

/**
 * Rendered on the server from the verified session: a signed-in person sees
 * their menu from the first byte, never "Sign in / Sign up" first.
 */
export async function SiteHeader({ locale }: { locale: Locale }) {
  const [t, session] = await Promise.all([getTranslations({ locale, namespace: 'Header' }), headerSession()]);
  return (
    <header className="sticky top-0 z-30 border-b bg-card/90 backdrop-blur">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-card focus:px-3 focus:py-2">
        {t('skipToContent')}
      </a>
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-3 px-4 sm:px-6">
        <a href={`/${locale}`} className="flex items-center gap-2 font-semibold text-foreground no-underline hover:no-underline" data-testid="brand">
          <AppLogo className="size-7" />
          <span>{t('home')}</span>
        </a>
        {session.signedIn && <OrgSwitcher locale={locale} label={t('switchOrg')} />}
        <nav aria-label={t('nav')} className="ml-auto flex items-center gap-2" data-testid="header-nav" data-signed-in={session.signedIn}>
          <LocaleSwitcher />
          {session.signedIn ? (
            <UserMenu label={t('account')} />
          ) : (
            <>
              <a href={`/${locale}/sign-in`} className={buttonClasses({ variant: 'ghost', size: 'sm' })} data-testid="header-sign-in">
                {t('signIn')}
              </a>
              <a href={`/${locale}/sign-up`} className={buttonClasses({ size: 'sm' })} data-testid="header-sign-up">
                {t('signUp')}
              </a>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
