'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { type ArchiveOutcome, setArchivedAction } from './orgActions';

/** Archive or restore one org, after a confirmation dialog. */
export function ArchiveButton({ shortName, archived }: { shortName: string; archived: boolean }) {
  const t = useTranslations('AdminOrgList');
  const dialog = useRef<HTMLDialogElement>(null);
  const [result, action, pending] = useActionState<ArchiveOutcome | null, FormData>(setArchivedAction, null);
  const label = archived ? t('restore') : t('archive');
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} disabled={pending} aria-label={`${label} ${shortName}`}>
        {label}
      </button>
      <dialog ref={dialog} aria-label={label}>
        <form action={action} onSubmit={() => dialog.current?.close()}>
          <p>{archived ? t('confirmRestore', { shortName }) : t('confirmArchive', { shortName })}</p>
          <input type="hidden" name="shortName" value={shortName} />
          <input type="hidden" name="archive" value={archived ? 'false' : 'true'} />
          <button type="submit">{t('confirm')}</button>{' '}
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('cancel')}
          </button>
        </form>
      </dialog>
      {result && <span role="status">{result.ok ? t('done') : t('failed')}</span>}
    </>
  );
}
