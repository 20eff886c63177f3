'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useRouter } from '@/i18n/navigation';

const POLL_MS = 1_000;

type Answer = { status: 'ready'; shortName: string } | { status: 'preparing' | 'unavailable' | 'signed-out' };

/**
 * "Preparing your workspace": asks the server (which provisions if the
 * webhook has not) until the test org is ready, then moves on by itself.
 * Failed polls are retried quietly: no error flash while Clerk catches up.
 */
export function PreparingWorkspace() {
  const t = useTranslations('Onboarding');
  const router = useRouter();
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    let cancelled = false;
    async function poll() {
      while (!cancelled) {
        const answer = await fetch('/api/onboarding/workspace', { method: 'POST' })
          .then((response) => response.json() as Promise<Answer>)
          .catch(() => null);
        if (cancelled) return;
        if (answer?.status === 'ready') return router.replace(`/${answer.shortName}`);
        if (answer?.status === 'signed-out') return router.replace('/sign-in');
        if (answer?.status === 'unavailable') return setUnavailable(true);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
    void poll();
    return () => {
      cancelled = true;
    };
  }, [router]);

  return (
    <section className="page" data-testid={unavailable ? 'workspace-unavailable' : 'preparing-workspace'} aria-busy={!unavailable}>
      <h1>{unavailable ? t('unavailableTitle') : t('title')}</h1>
      <p>{unavailable ? t('unavailableBody') : t('body')}</p>
      {!unavailable && <div className="spinner" role="progressbar" aria-label={t('title')} />}
    </section>
  );
}
