'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { type ReplayOutcome, replayAction } from './actions';

export function ReplayButton({ svixId }: { svixId: string }) {
  const t = useTranslations('Admin');
  const [result, action, pending] = useActionState<ReplayOutcome | null, FormData>(replayAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="svixId" value={svixId} />
      <button type="submit" disabled={pending}>
        {t('replay')}
      </button>{' '}
      {result && (
        <span role="status" data-testid="replay-result">
          {result.ok ? t('replayed', { status: result.status }) : t(`replayErrors.${result.error}`)}
        </span>
      )}
    </form>
  );
}
