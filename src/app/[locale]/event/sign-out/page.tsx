import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { enterLocale } from '@/i18n/enterLocale';

type Props = { params: Promise<{ locale: string }> };

// Where Clerk sends the browser after sign-out (ClerkProvider `afterSignOutUrl`).
export default async function SignedOutPage({ params }: Props) {
  await enterLocale(params);
  const t = await getTranslations('SignOut');
  return (
    <section className="page" data-testid="signed-out">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <div className="actions">
        <Link href="/sign-in" className="button">
          {t('signInAgain')}
        </Link>
        <Link href="/" className="button secondary">
          {t('home')}
        </Link>
      </div>
    </section>
  );
}
