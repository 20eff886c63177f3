import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/layout/StatusPage';
import { buttonClasses } from '@/components/ui/button';
import { enterLocale } from '@/i18n/enterLocale';
import { Link } from '@/i18n/navigation';

type Props = { params: Promise<{ locale: string }> };

// Where Clerk sends the browser after sign-out (ClerkProvider `afterSignOutUrl`).
export default async function SignedOutPage({ params }: Props) {
  await enterLocale(params);
  const t = await getTranslations('SignOut');
  return (
    <StatusPage
      testId="signed-out"
      title={t('title')}
      body={<p>{t('body')}</p>}
      actions={
        <>
          <Link href="/sign-in" className={buttonClasses()}>
            {t('signInAgain')}
          </Link>
          <Link href="/" className={buttonClasses({ variant: 'outline' })}>
            {t('home')}
          </Link>
        </>
      }
    />
  );
}
