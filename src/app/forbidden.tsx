import { getLocale } from 'next-intl/server';
import { ForbiddenPage } from '@/components/layout/ForbiddenPage';
import type { Locale } from '@/i18n/routing';

// Rendered by forbidden() (403): a member lacking the role a page needs, in the root layout's shell.
export default async function Forbidden() {
  return <ForbiddenPage locale={(await getLocale()) as Locale} />;
}
