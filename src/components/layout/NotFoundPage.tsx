import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';

export async function NotFoundPage({ locale }: { locale?: Locale }) {
  const resolved = locale ?? ((await getLocale()) as Locale);
  const t = await getTranslations({ locale: resolved, namespace: 'NotFound' });
  const home = `/${resolved}`;
  return (
    <section className="page" data-testid="not-found">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <a href={home}>{t('home')}</a>
    </section>
  );
}
