'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FileInput } from '@/components/ui/file-input';
import type { ImportView } from '@/lib/tenants';

const RUNNING = ['previewing', 'applying'];
const POLL_MS = 1_000;
type UploadError = 'too-large' | 'no-file' | 'empty' | 'bad-form' | 'unavailable' | 'has-problems' | 'busy' | 'not-ready' | 'not-found';

/**
 * The CSV import (issue 12) through its HTTP API: upload → preview (counts,
 * problems by line) → apply in the background with live progress → summary.
 * A running import is picked up again when the admin comes back.
 */
export function ImportPanel({ initial }: { initial: ImportView | null }) {
  const t = useTranslations('AdminCsv');
  // Problems are stored as code + params and worded here, in the page's language.
  const problemText = useTranslations('CsvProblems');
  const locale = useLocale();
  const [job, setJob] = useState<ImportView | null>(initial);
  const [error, setError] = useState<UploadError | null>(null);
  const [busy, setBusy] = useState(false);
  const [applyValid, setApplyValid] = useState(false);

  const refresh = useCallback(async (id?: string) => {
    const response = await fetch(`${id ? `/api/admin/imports/${id}` : '/api/admin/imports'}?locale=${locale}`, { cache: 'no-store' });
    if (!response.ok) return;
    const body = (await response.json()) as ImportView | { current: ImportView | null };
    setJob('current' in body ? body.current : body);
  }, [locale]);

  useEffect(() => {
    if (!job || !RUNNING.includes(job.status)) return;
    const timer = setInterval(() => void refresh(job.id), POLL_MS);
    return () => clearInterval(timer);
  }, [job, refresh]);

  async function upload(form: FormData) {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/admin/imports', { method: 'POST', body: form });
      const body = (await response.json()) as { id?: string; error?: UploadError };
      if (response.status === 202 && body.id) await refresh(body.id);
      else setError(body.error ?? 'unavailable');
    } catch {
      setError('unavailable');
    } finally {
      setBusy(false);
    }
  }

  async function post(action: 'apply' | 'cancel') {
    if (!job) return;
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/admin/imports/${job.id}/${action}?locale=${locale}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(action === 'apply' ? { applyValidRows: applyValid } : {}),
    });
    if (!response.ok) setError(((await response.json()) as { error?: UploadError }).error ?? 'unavailable');
    await refresh(job.id);
    setBusy(false);
  }

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
          {job.status === 'ready' && (
            <>
              <p data-testid="csv-preview" className="text-sm">{t('preview', { total: job.total, ...job.preview, admins: job.preview.adminsAdded })}</p>
              {job.preview.rejected > 0 && (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" className="size-4 accent-primary" checked={applyValid} onChange={(e) => setApplyValid(e.target.checked)} /> {t('applyValidRows')}
                </label>
              )}
              <div className="flex gap-2">
                <Button disabled={busy || (job.preview.rejected > 0 && !applyValid)} onClick={() => void post('apply')}>
                  {t('apply')}
                </Button>
                <Button variant="outline" disabled={busy} onClick={() => void post('cancel')}>
                  {t('cancel')}
                </Button>
              </div>
            </>
          )}
          {RUNNING.includes(job.status) && (
            <>
              <progress
                value={job.done}
                max={Math.max(job.total, job.done, 1)}
                data-testid="csv-progress"
                aria-label={t('progress')}
                className="h-2.5 w-full appearance-none overflow-hidden rounded-full bg-muted [&::-moz-progress-bar]:bg-primary [&::-webkit-progress-bar]:bg-muted [&::-webkit-progress-value]:bg-primary [&::-webkit-progress-value]:transition-[width] [&::-webkit-progress-value]:duration-500"
              />
              <p data-testid="csv-progress-text" className="text-sm tabular-nums text-muted-foreground">
                {t('progressText', { done: job.done, total: job.total, rate: Math.round(job.rate ?? 0), eta: Math.ceil(job.etaSeconds ?? 0), problems: job.problemCount })}
              </p>
              <div>
                <Button variant="outline" size="sm" disabled={busy} onClick={() => void post('cancel')}>
                  {t('cancel')}
                </Button>
              </div>
            </>
          )}
          {job.status === 'done' && (
            <p role="status" data-testid="csv-report" className="text-sm text-success">
              {t('summary', { total: job.total, created: job.created, updated: job.updated, unchanged: job.unchanged, rejected: job.rejected, admins: job.adminsAdded, invited: job.invited })}
            </p>
          )}
          {job.status === 'failed' && <p role="alert" className="text-sm text-destructive">{t('failed')}</p>}
          {job.problems.length > 0 && (
            <>
              <p className="text-sm font-medium">
                {t('problems', { count: job.problemCount })} <a className="font-normal" data-testid="csv-problems-download" href={`/api/admin/imports/${job.id}/problems.csv?locale=${locale}`}>
                  {t('problemsCsv')}
                </a>
              </p>
              <ul className="max-h-64 list-none overflow-y-auto rounded-md border bg-card p-0 text-sm">
                {job.problems.map((p, i) => (
                  <li key={`${p.line}-${i}`} data-testid="csv-error" data-code={p.code} className="border-b px-3 py-1.5 last:border-b-0">
                    {t('line', { line: p.line, problem: problemText(p.code, p.params) })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
