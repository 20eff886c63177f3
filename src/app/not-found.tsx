import { NotFoundPage } from '@/components/layout/NotFoundPage';
import { routing } from '@/i18n/routing';

// Reached only for URLs outside any locale (the middleware prefixes the rest).
export default function RootNotFound() {
  return (
    <html lang={routing.defaultLocale}>
      <body>
        <NotFoundPage locale={routing.defaultLocale} />
      </body>
    </html>
  );
}
