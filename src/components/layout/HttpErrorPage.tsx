import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';
import type { Locale } from '@/i18n/routing';
import { StatusPage } from './StatusPage';

const PAGES = {
  403: { namespace: 'Forbidden', testId: 'forbidden' },
  404: { namespace: 'NotFound', testId: 'not-found' },
} as const;

/** The 403 and 404 pages: a title in <head> (React hoists it; these pages have no metadata), the message, a way home. */
export async function HttpErrorPage({ status, locale }: { status: keyof typeof PAGES; locale: Locale }) {
  const { namespace, testId } = PAGES[status];
  const t = await getTranslations({ locale, namespace });
  return (
    <>
      <title>{t('title')}</title>
      <StatusPage
        code={String(status)}
        title={t('title')}
        body={<p>{t('body')}</p>}
        testId={testId}
        actions={
          <a href={`/${locale}`} className={buttonClasses()}>
            {t('home')}
          </a>
        }
      />
    </>
  );
}
