import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';
import type { Locale } from '@/i18n/routing';
import { StatusPage } from './StatusPage';

export async function ForbiddenPage({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Forbidden' });
  return (
    <>
      <title>{t('title')}</title>
      <StatusPage
        code="403"
        title={t('title')}
        body={<p>{t('body')}</p>}
        testId="forbidden"
        actions={
          <a href={`/${locale}`} className={buttonClasses()}>
            {t('home')}
          </a>
        }
      />
    </>
  );
}
