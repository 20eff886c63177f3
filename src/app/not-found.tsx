import { AppShell } from '@/components/layout/AppShell';
import { NotFoundPage } from '@/components/layout/NotFoundPage';
import { routing } from '@/i18n/routing';

// URLs outside any known locale (e.g. /xx/…): the shell in the default locale.
export default function RootNotFound() {
  return (
    <AppShell locale={routing.defaultLocale}>
      <NotFoundPage locale={routing.defaultLocale} />
    </AppShell>
  );
}
