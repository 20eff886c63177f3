import { getLocale } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { HttpErrorPage } from './HttpErrorPage';

/** Without a locale (the root not-found), the request's. */
export async function NotFoundPage({ locale }: { locale?: Locale }) {
  return <HttpErrorPage status={404} locale={locale ?? ((await getLocale()) as Locale)} />;
}
