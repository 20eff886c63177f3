import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';

export async function NotFoundPage({ locale }: { locale?: Locale }) {
  const resolved = locale ?? ((await getLocale()) as Locale);
  const t = await getTranslations({ locale: resolved, namespace: 'NotFound' });
  const home = `/${resolved}`;
  const site = await getTranslations({ locale: resolved, namespace: 'Metadata' });
  return (
    <section className="page" data-testid="not-found">
      {/* React hoists it into <head>: not-found pages have no metadata of their own. */}
      <title>{`${t('title')} · ${site('title')}`}</title>
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <a href={home}>{t('home')}</a>
    </section>
  );
}
