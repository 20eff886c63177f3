'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { type ArchiveOutcome, setArchivedAction } from './orgActions';

/** Archive or restore one org, after a confirmation dialog. */
export function ArchiveButton({ shortName, archived }: { shortName: string; archived: boolean }) {
  const t = useTranslations('AdminOrgList');
  const dialog = useRef<HTMLDialogElement>(null);
  const [result, action, pending] = useActionState<ArchiveOutcome | null, FormData>(setArchivedAction, null);
  const label = archived ? t('restore') : t('archive');
  return (
    <>
      <Button variant={archived ? 'outline' : 'ghost-destructive'} size="sm" onClick={() => dialog.current?.showModal()} disabled={pending} aria-label={`${label} ${shortName}`}>
        {label}
      </Button>
      {/* A native modal dialog: it needs no script to show a server action's form, traps focus and closes on Escape. */}
      <dialog ref={dialog} aria-label={label} className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border bg-card p-6 text-left text-foreground shadow-lg backdrop:bg-black/40">
        <form action={action} onSubmit={() => dialog.current?.close()} className="flex flex-col gap-6">
          <p className="text-sm">{archived ? t('confirmRestore', { shortName }) : t('confirmArchive', { shortName })}</p>
          <input type="hidden" name="shortName" value={shortName} />
          <input type="hidden" name="archive" value={archived ? 'false' : 'true'} />
          <div className="flex justify-end gap-2">
            <Button variant="outline" onClick={() => dialog.current?.close()}>
              {t('cancel')}
            </Button>
            <Button type="submit" variant={archived ? 'default' : 'destructive'}>
              {t('confirm')}
            </Button>
          </div>
        </form>
      </dialog>
      {result && <span role="status" className={result.ok ? 'ml-2 text-xs text-success' : 'ml-2 text-xs text-destructive'}>{result.ok ? t('done') : t('failed')}</span>}
    </>
  );
}
