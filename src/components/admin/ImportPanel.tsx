'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FileInput } from '@/components/ui/file-input';
import type { ImportView } from '@/lib/tenants';
import { ImportPreview, ImportProblems, ImportProgress } from './ImportJobParts';
import { RUNNING, useImportJob } from './useImportJob';

/**
 * The CSV import (issue 12) through its HTTP API: upload → preview (counts,
 * problems by line) → apply in the background with live progress → summary.
 * A running import is picked up again when the admin comes back.
 */
export function ImportPanel({ initial }: { initial: ImportView | null }) {
  const t = useTranslations('AdminCsv');
  const { job, error, busy, locale, upload, post } = useImportJob(initial);
  const act = (action: 'apply' | 'cancel', applyValidRows?: boolean) => void post(action, applyValidRows);
  return (
    <div data-testid="csv-import" className="flex flex-col gap-4">
      {(!job || !RUNNING.includes(job.status)) && (
        <form action={upload} data-testid="csv-import-form" className="flex flex-wrap items-center gap-3">
          <span className="text-sm font-medium">{t('file')}</span>
          <FileInput name="file" accept=".csv,text/csv" required data-testid="csv-file" aria-label={t('file')} chooseLabel={t('choose')} noneLabel={t('noFile')} />
          <Button type="submit" disabled={busy}>
            {t('import')}
          </Button>
        </form>
      )}
      {error && <p role="alert" className="text-sm text-destructive">{t(`errors.${error}`)}</p>}
      {job && (
        <section aria-live="polite" data-testid="csv-job" data-status={job.status} className="flex flex-col gap-3 rounded-lg border bg-muted/40 p-4">
          <h3 className="font-medium">{t(`status.${job.status}`, { file: job.fileName })}</h3>
          {job.status === 'ready' && <ImportPreview job={job} busy={busy} act={act} />}
          {RUNNING.includes(job.status) && <ImportProgress job={job} busy={busy} act={act} />}
          {job.status === 'done' && (
            <p role="status" data-testid="csv-report" className="text-sm text-success">
              {t('summary', { total: job.total, created: job.created, updated: job.updated, unchanged: job.unchanged, rejected: job.rejected, admins: job.adminsAdded, invited: job.invited })}
            </p>
          )}
          {job.status === 'failed' && <p role="alert" className="text-sm text-destructive">{t('failed')}</p>}
          {job.problems.length > 0 && <ImportProblems job={job} locale={locale} />}
        </section>
      )}
    </div>
  );
}
