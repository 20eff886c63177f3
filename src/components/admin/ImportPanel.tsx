'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
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
  const [job, setJob] = useState<ImportView | null>(initial);
  const [error, setError] = useState<UploadError | null>(null);
  const [busy, setBusy] = useState(false);
  const [applyValid, setApplyValid] = useState(false);

  const refresh = useCallback(async (id?: string) => {
    const response = await fetch(id ? `/api/admin/imports/${id}` : '/api/admin/imports', { cache: 'no-store' });
    if (!response.ok) return;
    const body = (await response.json()) as ImportView | { current: ImportView | null };
    setJob('current' in body ? body.current : body);
  }, []);

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
    const response = await fetch(`/api/admin/imports/${job.id}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(action === 'apply' ? { applyValidRows: applyValid } : {}),
    });
    if (!response.ok) setError(((await response.json()) as { error?: UploadError }).error ?? 'unavailable');
    await refresh(job.id);
    setBusy(false);
  }

  return (
    <div data-testid="csv-import">
      {(!job || !RUNNING.includes(job.status)) && (
        <form action={upload} data-testid="csv-import-form">
          <label>
            {t('file')} <input type="file" name="file" accept=".csv,text/csv" required data-testid="csv-file" />
          </label>{' '}
          <button type="submit" disabled={busy}>
            {t('import')}
          </button>
        </form>
      )}
      {error && <p role="alert">{t(`errors.${error}`)}</p>}
      {job && (
        <section aria-live="polite" data-testid="csv-job" data-status={job.status}>
          <h3>{t(`status.${job.status}`, { file: job.fileName })}</h3>
          {job.status === 'ready' && (
            <>
              <p data-testid="csv-preview">{t('preview', { total: job.total, ...job.preview, admins: job.preview.adminsAdded })}</p>
              {job.preview.rejected > 0 && (
                <label>
                  <input type="checkbox" checked={applyValid} onChange={(e) => setApplyValid(e.target.checked)} /> {t('applyValidRows')}
                </label>
              )}{' '}
              <button type="button" disabled={busy || (job.preview.rejected > 0 && !applyValid)} onClick={() => void post('apply')}>
                {t('apply')}
              </button>{' '}
              <button type="button" disabled={busy} onClick={() => void post('cancel')}>
                {t('cancel')}
              </button>
            </>
          )}
          {RUNNING.includes(job.status) && (
            <>
              <progress value={job.done} max={Math.max(job.total, job.done, 1)} data-testid="csv-progress" aria-label={t('progress')} />
              <p data-testid="csv-progress-text">
                {t('progressText', { done: job.done, total: job.total, rate: Math.round(job.rate ?? 0), eta: Math.ceil(job.etaSeconds ?? 0), problems: job.problemCount })}
              </p>
              <button type="button" disabled={busy} onClick={() => void post('cancel')}>
                {t('cancel')}
              </button>
            </>
          )}
          {job.status === 'done' && (
            <p role="status" data-testid="csv-report">
              {t('summary', { total: job.total, created: job.created, updated: job.updated, unchanged: job.unchanged, rejected: job.rejected, admins: job.adminsAdded, invited: job.invited })}
            </p>
          )}
          {job.status === 'failed' && <p role="alert">{t('failed', { error: job.error ?? '' })}</p>}
          {job.problems.length > 0 && (
            <>
              <p>
                {t('problems', { count: job.problemCount })} <a href={`/api/admin/imports/${job.id}/problems.csv`}>{t('problemsCsv')}</a>
              </p>
              <ul>
                {job.problems.map((p, i) => (
                  <li key={`${p.line}-${i}`} data-testid="csv-error">
                    {t('line', { line: p.line })}: {p.message}
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
