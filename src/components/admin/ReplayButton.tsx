'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { type ReplayOutcome, replayAction } from './actions';

export function ReplayButton({ svixId }: { svixId: string }) {
  const t = useTranslations('Admin');
  const [result, action, pending] = useActionState<ReplayOutcome | null, FormData>(replayAction, null);
  const notify = useToast();
  const router = useRouter();
  const shown = useRef<ReplayOutcome | null>(null);
  const message = result && (result.ok ? t('replayed', { status: t(`replayStatuses.${result.status}`) }) : t(`replayErrors.${result.error}`));
  // The outcome as a toast, then the event log read again: a replayed event
  // often leaves the filtered list, and this row with it (the toast stays).
  useEffect(() => {
    if (!result || !message || shown.current === result) return;
    shown.current = result;
    notify(message, result.ok ? 'success' : 'error');
    router.refresh();
  }, [result, message, notify, router]);
  return (
    <form action={action} className="inline-flex items-center justify-end gap-2">
      <input type="hidden" name="svixId" value={svixId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        {t('replay')}
      </Button>
      {result && (
        <span role="status" data-testid="replay-result" className="text-xs text-muted-foreground">
          {message}
        </span>
      )}
    </form>
  );
}
