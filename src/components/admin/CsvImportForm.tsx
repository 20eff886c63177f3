'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { type CsvImportOutcome, importCsvAction } from './csvActions';

export function CsvImportForm() {
  const t = useTranslations('AdminCsv');
  const [outcome, action, pending] = useActionState<CsvImportOutcome | null, FormData>(importCsvAction, null);
  const report = outcome?.ok ? outcome.report : null;
  return (
    <form action={action} data-testid="csv-import-form">
      <label>
        {t('file')} <input type="file" name="file" accept=".csv,text/csv" required data-testid="csv-file" />
      </label>
      <label>
        <input type="checkbox" name="applyValidRows" /> {t('applyValidRows')}
      </label>
      <button type="submit" disabled={pending}>
        {t('import')}
      </button>
      {outcome && !outcome.ok && <p role="alert">{t(`errors.${outcome.error}`)}</p>}
      {report && (
        <div role="status" data-testid="csv-report">
          <p>
            {report.applied
              ? t('applied', { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, admins: report.adminsAdded, invitations: report.invitationsSent })
              : t('notApplied', { rows: report.rows, errors: report.errors.length })}
          </p>
          <ul>
            {report.errors.map((p) => (
              <li key={`e${p.line}${p.message}`} data-testid="csv-error">
                {t('line', { line: p.line })}: {p.message}
              </li>
            ))}
            {report.warnings.map((p) => (
              <li key={`w${p.line}${p.message}`} data-testid="csv-warning">
                {t('line', { line: p.line })} ({t('warning')}): {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
