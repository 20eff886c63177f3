import { getLocale } from 'next-intl/server';
import { AppShell } from '@/components/layout/AppShell';
import { ForbiddenPage } from '@/components/layout/ForbiddenPage';
import { type Locale, routing } from '@/i18n/routing';

// Rendered by forbidden() (403): a member lacking the role a page needs.
// Next renders it outside `[locale]/layout.tsx`, so it brings the shell itself.
export default async function Forbidden() {
  const requested = await getLocale();
  const locale = (routing.locales as readonly string[]).includes(requested) ? (requested as Locale) : routing.defaultLocale;
  return (
    <AppShell locale={locale}>
      <ForbiddenPage locale={locale} />
    </AppShell>
  );
}
