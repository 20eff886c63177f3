import { getLocale } from 'next-intl/server';
import { ForbiddenPage } from '@/components/layout/ForbiddenPage';

// Rendered by forbidden() (403): a member lacking the role a page needs.
export default async function Forbidden() {
  return (
    <html lang={await getLocale()}>
      <body>
        <ForbiddenPage />
      </body>
    </html>
  );
}
