'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ImportView } from '@/lib/tenants';

type Act = (action: 'apply' | 'cancel', applyValidRows?: boolean) => void;

/** Counts of what applying would do; apply (valid rows only, if some are rejected) or cancel. */
export function ImportPreview({ job, busy, act }: { job: ImportView; busy: boolean; act: Act }) {
  const t = useTranslations('AdminCsv');
  const [applyValid, setApplyValid] = useState(false);
  return (
    <>
      <p data-testid="csv-preview" className="text-sm">{t('preview', { total: job.total, ...job.preview, admins: job.preview.adminsAdded })}</p>
      {job.preview.rejected > 0 && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4 accent-primary" checked={applyValid} onChange={(e) => setApplyValid(e.target.checked)} /> {t('applyValidRows')}
        </label>
      )}
      <div className="flex gap-2">
        <Button disabled={busy || (job.preview.rejected > 0 && !applyValid)} onClick={() => act('apply', applyValid)}>
          {t('apply')}
        </Button>
        <Button variant="outline" disabled={busy} onClick={() => act('cancel')}>
          {t('cancel')}
        </Button>
      </div>
    </>
  );
}

/** Rows done of the total, rate, time left and problems so far, with a cancel button. */
export function ImportProgress({ job, busy, act }: { job: ImportView; busy: boolean; act: Act }) {
  const t = useTranslations('AdminCsv');
  return (
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
        <Button variant="outline" size="sm" disabled={busy} onClick={() => act('cancel')}>
          {t('cancel')}
        </Button>
      </div>
    </>
  );
}

/** The first problems by line, worded in the page's language, and the CSV of all of them. */
export function ImportProblems({ job, locale }: { job: ImportView; locale: string }) {
  const t = useTranslations('AdminCsv');
  // Problems are stored as code + params and worded here.
  const problemText = useTranslations('CsvProblems');
  return (
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
  );
}
