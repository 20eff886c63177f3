'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Spinner } from '@/components/ui/spinner';
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
    <section className="mx-auto flex max-w-lg flex-col items-center gap-4 px-4 py-20 text-center" data-testid={unavailable ? 'workspace-unavailable' : 'preparing-workspace'} aria-busy={!unavailable}>
      <h1 className="text-2xl font-bold tracking-tight">{unavailable ? t('unavailableTitle') : t('title')}</h1>
      <p className="text-muted-foreground">{unavailable ? t('unavailableBody') : t('body')}</p>
      {!unavailable && <Spinner label={t('title')} />}
    </section>
  );
}
