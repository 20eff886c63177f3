import { getLocale, getTranslations } from 'next-intl/server';

export async function ForbiddenPage() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: 'Forbidden' });
  return (
    <section className="page" data-testid="forbidden">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <a href={`/${locale}`}>{t('home')}</a>
    </section>
  );
}
