'use client';

import { useLocale } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type { ImportView } from '@/lib/tenants';

export const RUNNING = ['previewing', 'applying'];
const POLL_MS = 1_000;
export type UploadError = 'too-large' | 'no-file' | 'empty' | 'bad-form' | 'unavailable' | 'has-problems' | 'busy' | 'not-ready' | 'not-found';

/**
 * The import job as the admin page follows it through the HTTP API: upload,
 * apply or cancel, and a poll every second while it runs. Problems come
 * worded in the page's language (`?locale=`).
 */
export function useImportJob(initial: ImportView | null) {
  const locale = useLocale();
  const [job, setJob] = useState<ImportView | null>(initial);
  const [error, setError] = useState<UploadError | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(
    async (id?: string) => {
      const response = await fetch(`${id ? `/api/admin/imports/${id}` : '/api/admin/imports'}?locale=${locale}`, { cache: 'no-store' });
      if (!response.ok) return;
      const body = (await response.json()) as ImportView | { current: ImportView | null };
      setJob('current' in body ? body.current : body);
    },
    [locale],
  );

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

  async function post(action: 'apply' | 'cancel', applyValidRows = false) {
    if (!job) return;
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/admin/imports/${job.id}/${action}?locale=${locale}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(action === 'apply' ? { applyValidRows } : {}),
    });
    if (!response.ok) setError(((await response.json()) as { error?: UploadError }).error ?? 'unavailable');
    await refresh(job.id);
    setBusy(false);
  }

  return { job, error, busy, locale, upload, post };
}
