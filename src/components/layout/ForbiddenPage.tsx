import type { Locale } from '@/i18n/routing';
import { HttpErrorPage } from './HttpErrorPage';

export async function ForbiddenPage({ locale }: { locale: Locale }) {
  return <HttpErrorPage status={403} locale={locale} />;
}
