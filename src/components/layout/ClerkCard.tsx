'use client';

import { SignIn, SignUp, useAuth } from '@clerk/nextjs';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type RefObject, useEffect, useRef, useSyncExternalStore } from 'react';
import { cn } from '@/components/ui/cn';
import { Spinner } from '@/components/ui/spinner';

const subscribe = () => () => undefined;
const HOME_AFTER_MS = 2_500;

/** Where Clerk's card appears: a skeleton of its size until clerk-js has drawn it. */
function CardSkeleton() {
  return <div className="h-[26rem] w-full max-w-[25rem] animate-pulse rounded-xl border bg-card" data-testid="clerk-card-loading" />;
}

/**
 * Marks the container `data-finished` while Clerk's card, having been drawn,
 * is empty: Clerk clears it after the last click (session created), before it
 * moves the browser on. Set from the observer itself, in the same frame as the
 * change (a React state update would leave a blank frame); CSS swaps the card
 * for the "preparing" panel. Reversible, should Clerk empty it between steps.
 */
function useCardFinished(container: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let drawn = false;
    const observer = new MutationObserver(() => {
      const card = root.querySelector('.cl-rootBox');
      const hasContent = Boolean(card && card.childElementCount > 0);
      if (hasContent) drawn = true;
      if (drawn) root.dataset.finished = String(!hasContent);
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container]);
}

/**
 * Clerk's <SignIn/> or <SignUp/>, mounted after hydration (their output
 * depends on whether clerk-js has loaded: no hydration mismatch). Once the
 * card is done — right after the last click — it gives way to the
 * "preparing your workspace" state while the browser moves on, so the
 * person never looks at a blank card.
 */
export function ClerkCard({ kind, locale }: { kind: 'sign-in' | 'sign-up'; locale: string }) {
  const t = useTranslations('Onboarding');
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const container = useRef<HTMLDivElement>(null);
  useCardFinished(container);
  const { isSignedIn } = useAuth();
  const router = useRouter();
  // Clerk moves on by itself after the last click; someone who opens this page
  // already signed in is taken home (then to their workspace) instead.
  useEffect(() => {
    if (!isSignedIn) return;
    const timer = setTimeout(() => router.replace(`/${locale}`), HOME_AFTER_MS);
    return () => clearTimeout(timer);
  }, [isSignedIn, router, locale]);

  const signedIn = hydrated && Boolean(isSignedIn);
  return (
    <div ref={container} className="group flex w-full justify-center">
      {hydrated && (
        <div className={cn('flex-col items-center gap-4 py-16 text-center group-data-[finished=true]:flex', signedIn ? 'flex' : 'hidden')} data-testid="card-preparing" aria-busy="true">
          <Spinner label={t('title')} />
          <p className="text-lg font-semibold">{t('title')}</p>
          <p className="max-w-sm text-muted-foreground">{t('body')}</p>
        </div>
      )}
      {!hydrated && <CardSkeleton />}
      {hydrated && (
        <div className={cn('group-data-[finished=true]:hidden', signedIn && 'hidden')}>
          {kind === 'sign-in' ? (
            <SignIn path={`/${locale}/sign-in`} signUpUrl={`/${locale}/sign-up`} fallback={<CardSkeleton />} />
          ) : (
            <SignUp path={`/${locale}/sign-up`} signInUrl={`/${locale}/sign-in`} fallback={<CardSkeleton />} />
          )}
        </div>
      )}
    </div>
  );
}
