'use client';

import { useAuth, useClerk } from '@clerk/nextjs';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { useRouter } from '@/i18n/navigation';

const POLL_MS = 1_000;

type Ready = { shortName: string; clerkOrgId: string };
type Answer = ({ status: 'ready' } & Ready) | { status: 'preparing' | 'unavailable' | 'signed-out' };

/** Asks the server (which provisions if the webhook has not) until the test org is ready. */
async function pollUntilReady(cancelled: () => boolean): Promise<Answer | null> {
  while (!cancelled()) {
    const answer = await fetch('/api/onboarding/workspace', { method: 'POST' })
      .then((response) => response.json() as Promise<Answer>)
      .catch(() => null);
    if (cancelled()) return null;
    if (answer && answer.status !== 'preparing') return answer;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return null;
}

/**
 * "Preparing your workspace": waits until the test org is ready, then moves
 * on by itself. With `completesTask` (a pending session: Clerk's
 * `choose-organization` task), it first makes that org the session's active
 * org, which is what completes the task (DESIGN.md §3 Onboarding). Failed
 * polls are retried quietly: no error flash while Clerk catches up.
 */
export function PreparingWorkspace({ ready, completesTask = false }: { ready?: Ready; completesTask?: boolean }) {
  const t = useTranslations('Onboarding');
  const router = useRouter();
  const clerk = useClerk();
  const { isLoaded } = useAuth();
  const [unavailable, setUnavailable] = useState(false);

  // setActive needs a loaded clerk-js; waiting for the server needs nothing from it.
  const canRun = !completesTask || isLoaded;

  useEffect(() => {
    if (!canRun) return;
    /**
     * Makes the org the session's active org. The session is named: right
     * after <SignUp/> or <SignIn/> clerk-js has not yet published the pending
     * session as `clerk.session` (it does after its own navigation here), and
     * setActive without one would throw.
     */
    async function completeTask(clerkOrgId: string, isCancelled: () => boolean) {
      for (let attempt = 0; attempt < 5 && !isCancelled(); attempt += 1) {
        const session = clerk.session?.id ?? clerk.client?.lastActiveSessionId ?? undefined;
        try {
          await clerk.setActive({ session, organization: clerkOrgId });
          return;
        } catch {
          // clerk-js still settling the sign-up: ask again shortly.
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
      }
    }
    let cancelled = false;
    async function run() {
      const answer: Answer | null = ready ? { status: 'ready', ...ready } : await pollUntilReady(() => cancelled);
      if (cancelled || !answer) return;
      if (answer.status === 'signed-out') return router.replace('/sign-in');
      if (answer.status === 'unavailable') return setUnavailable(true);
      if (answer.status !== 'ready') return;
      // Idempotent: a second tab or a reload mid-task sets the same org again.
      if (completesTask) await completeTask(answer.clerkOrgId, () => cancelled);
      if (!cancelled) router.replace(`/${answer.shortName}`);
    }
    void run();
    return () => {
      cancelled = true;
    };
  }, [router, clerk, canRun, ready, completesTask]);

  return (
    <section className="mx-auto flex max-w-lg flex-col items-center gap-4 px-4 py-20 text-center" data-testid={unavailable ? 'workspace-unavailable' : 'preparing-workspace'} aria-busy={!unavailable}>
      <h1 className="text-2xl font-bold tracking-tight">{unavailable ? t('unavailableTitle') : t('title')}</h1>
      <p className="text-muted-foreground">{unavailable ? t('unavailableBody') : t('body')}</p>
      {!unavailable && <Spinner label={t('title')} />}
    </section>
  );
}
