import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { enterLocale } from '@/i18n/enterLocale';
import { routing } from '@/i18n/routing';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({
    locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale,
    namespace: 'Metadata',
  });
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') };
}

// The shell is the root layout's (so 403 and not-found share it); this one
// only validates the locale segment.
export default async function LocaleLayout({ children, params }: Props) {
  await enterLocale(params);
  return children;
}
