'use client';

import { useTranslations } from 'next-intl';

// Anything that fails while rendering a page, e.g. Clerk or MongoDB being
// unreachable during an access check: a clear message, never access.
export default function LocaleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('Error');
  return (
    <section className="page" data-testid="error-page" role="alert">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <button type="button" className="button" onClick={reset}>
        {t('retry')}
      </button>
    </section>
  );
}
