import { getLocale, getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';
import type { Locale } from '@/i18n/routing';
import { StatusPage } from './StatusPage';

export async function NotFoundPage({ locale }: { locale?: Locale }) {
  const resolved = locale ?? ((await getLocale()) as Locale);
  const t = await getTranslations({ locale: resolved, namespace: 'NotFound' });
  return (
    <>
      {/* React hoists it into <head>: not-found pages have no metadata of their own. */}
      <title>{t('title')}</title>
      <StatusPage
        code="404"
        title={t('title')}
        body={<p>{t('body')}</p>}
        testId="not-found"
        actions={
          <a href={`/${resolved}`} className={buttonClasses()}>
            {t('home')}
          </a>
        }
      />
    </>
  );
}
