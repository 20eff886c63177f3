import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { enterLocale } from '@/i18n/enterLocale';

type Props = { params: Promise<{ locale: string }> };

export default async function LandingPage({ params }: Props) {
  await enterLocale(params);
  const t = await getTranslations('Landing');
  return (
    <section className="page" data-testid="landing">
      <h1>{t('title')}</h1>
      <p>{t('lead')}</p>
      <div className="actions">
        <Link href="/sign-up" className="button">
          {t('getStarted')}
        </Link>
        <Link href="/sign-in" className="button secondary">
          {t('haveAccount')}
        </Link>
      </div>
    </section>
  );
}
