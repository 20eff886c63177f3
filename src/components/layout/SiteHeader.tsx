import { Show, UserButton } from '@clerk/nextjs';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { LocaleSwitcher } from './LocaleSwitcher';

export async function SiteHeader() {
  const t = await getTranslations('Header');
  return (
    <header className="site">
      <Link href="/" className="brand">
        {t('home')}
      </Link>
      <nav>
        <LocaleSwitcher />
        <Show when="signed-out">
          <Link href="/sign-in">{t('signIn')}</Link>
          <Link href="/sign-up">{t('signUp')}</Link>
        </Show>
        <Show when="signed-in">
          <UserButton />
        </Show>
      </nav>
    </header>
  );
}
