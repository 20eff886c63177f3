'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { type ReplayOutcome, replayAction } from './actions';

export function ReplayButton({ svixId }: { svixId: string }) {
  const t = useTranslations('Admin');
  const [result, action, pending] = useActionState<ReplayOutcome | null, FormData>(replayAction, null);
  return (
    <form action={action} className="inline-flex items-center justify-end gap-2">
      <input type="hidden" name="svixId" value={svixId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        {t('replay')}
      </Button>
      {result && (
        <span role="status" data-testid="replay-result" className="text-xs text-muted-foreground">
          {result.ok ? t('replayed', { status: t(`replayStatuses.${result.status}`) }) : t(`replayErrors.${result.error}`)}
        </span>
      )}
    </form>
  );
}
