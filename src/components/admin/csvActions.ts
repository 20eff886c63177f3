'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requirePlatformAdmin } from '@/lib/auth';
import { log } from '@/lib/log';
import { type ImportReport, importOrgsFromCsv } from '@/lib/tenants';

const MAX_CSV_BYTES = 20 * 1024 * 1024;
const SHOWN_PROBLEMS = 200;

export type CsvImportOutcome = { ok: true; report: ImportReport } | { ok: false; error: 'invalid-file' | 'failed' };

const input = z.object({
  file: z.instanceof(File).refine((f) => f.size > 0 && f.size <= MAX_CSV_BYTES),
  applyValidRows: z.literal('on').optional(),
});

/** A platform admin imports orgs from a CSV file (DESIGN.md §3 CSV). */
export async function importCsvAction(_previous: CsvImportOutcome | null, form: FormData): Promise<CsvImportOutcome> {
  const { userId } = await requirePlatformAdmin({ fresh: true });
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: 'invalid-file' };
  try {
    const report = await importOrgsFromCsv(await parsed.data.file.text(), {
      applyValidRows: parsed.data.applyValidRows === 'on',
      inviterUserId: userId,
    });
    revalidatePath('/[locale]/admin', 'page');
    // The page shows the first problems; the counts say how many there were.
    return {
      ok: true,
      report: { ...report, errors: report.errors.slice(0, SHOWN_PROBLEMS), warnings: report.warnings.slice(0, SHOWN_PROBLEMS) },
    };
  } catch (error) {
    log.error({ err: error }, 'CSV import failed');
    return { ok: false, error: 'failed' };
  }
}
