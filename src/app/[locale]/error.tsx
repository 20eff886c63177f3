'use client';

import { useTranslations } from 'next-intl';
import { StatusPage } from '@/components/layout/StatusPage';
import { Button } from '@/components/ui/button';

// Anything that fails while rendering a page, e.g. Clerk or MongoDB being
// unreachable during an access check: a clear message, never access.
export default function LocaleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('Error');
  return (
    <StatusPage
      testId="error-page"
      role="alert"
      title={t('title')}
      body={<p>{t('body')}</p>}
      actions={<Button onClick={reset}>{t('retry')}</Button>}
    />
  );
}
