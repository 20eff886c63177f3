import pLimit from 'p-limit';
import { log } from '@/lib/log';
import { applyRowPlan, checkRecord, countPlan, type CsvImportPorts, emptyCounts, loadClerkState, notAppliedProblem, planBatch, type RowPlan } from './plan';
import type { CsvProblem } from './problems';
import { CsvFormatError, readCsv } from './read';

export type ImportReport = {
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  adminsAdded: number;
  invitationsSent: number;
  errors: CsvProblem[];
  warnings: CsvProblem[];
};

export const IMPORT_BATCH = 100;
// Rows in progress at once: enough that Clerk's gate (CLERK_CONCURRENCY calls in
// flight) stays busy while other rows wait on MongoDB.
const ROWS_AT_ONCE = 30;

/** Runs `fn` over the rows of a batch, a few at a time (lib/clerk's gate bounds the Clerk calls). */
export async function eachRow(plans: RowPlan[], fn: (plan: RowPlan) => Promise<void>): Promise<void> {
  const limit = pLimit(ROWS_AT_ONCE);
  await Promise.all(plans.map((plan) => limit(() => fn(plan))));
}

/**
 * The whole import in one call, for a CSV already in memory (the job in
 * importJob.ts does the same in resumable steps): every row is checked first
 * (errors by line; nothing is applied when a row is bad, unless
 * `applyValidRows`), then the differences are written to Clerk and MongoDB.
 * Admins are never stored in MongoDB; importing an export changes nothing.
 */
export async function importOrgsCsv(
  text: string,
  { applyValidRows, inviterUserId }: { applyValidRows: boolean; inviterUserId: string },
  ports: CsvImportPorts,
): Promise<ImportReport> {
  const report: ImportReport = { applied: false, rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, adminsAdded: 0, invitationsSent: 0, errors: [], warnings: [] };
  const state = await loadClerkState(ports);
  const plans: RowPlan[] = [];
  const seen = new Map<string, number>();
  try {
    let batch: RowPlan[] = [];
    for await (const { line, record } of readCsv(text)) {
      batch.push(checkRecord(line, record, seen));
      if (batch.length === IMPORT_BATCH) {
        await planBatch(batch, state, ports);
        plans.push(...batch);
        batch = [];
      }
    }
    await planBatch(batch, state, ports);
    plans.push(...batch);
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    report.errors.push(...error.problems.map((p) => ({ line: error.line, ...p })));
    return report;
  }
  report.rows = plans.length;
  for (const plan of plans) {
    for (const p of plan.problems) report.errors.push({ line: plan.line, ...p });
    for (const p of plan.warnings) report.warnings.push({ line: plan.line, ...p });
  }
  if (report.errors.length > 0 && !applyValidRows) return report;
  report.applied = true;
  const counts = emptyCounts();
  await eachRow(plans, async (plan) => {
    try {
      await applyRowPlan(plan, state, inviterUserId, ports);
    } catch (error) {
      // One org failing (e.g. Clerk refusing it) must not lose the others.
      const refusal = notAppliedProblem(error);
      if (refusal.code === 'notApplied') log.error({ err: error, line: plan.line }, 'CSV row not applied');
      plan.problems.push(refusal);
      report.errors.push({ line: plan.line, ...refusal });
      plan.row = undefined;
    }
    countPlan(plan, counts);
  });
  const { invited, ...rest } = counts;
  return { ...report, ...rest, invitationsSent: invited };
}
