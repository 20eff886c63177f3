'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { useToast } from '@/components/ui/toast';
import { manageMembers, type MembersResult } from './actions';

/**
 * The members server action with its feedback: a toast for every new result
 * (failures too, unless the form shows them beside its fields), so a row that disappears after the change still
 * reports it — the state lives above the rows.
 */
export function useMembersAction({ toastErrors }: { toastErrors: boolean }) {
  const t = useTranslations('Members');
  const notify = useToast();
  const [result, action, pending] = useActionState<MembersResult | null, FormData>(manageMembers, null);
  const shown = useRef<number | null>(null);
  useEffect(() => {
    if (!result || shown.current === result.at) return;
    shown.current = result.at;
    if (result.ok) notify(t(`done.${result.intent}`));
    else if (toastErrors) notify(t(`errors.${result.error}`), 'error');
  }, [result, notify, t, toastErrors]);
  return [result, action, pending] as const;
}
