import type { ImportJobRecord, ImportPhase } from '@/lib/db';
import { ClerkUnavailableError } from '@/lib/clerk';
import { log } from '@/lib/log';
import { eachRow, IMPORT_BATCH } from './importOrgs';
import { applyRowPlan, checkRecord, type ClerkState, countPlan, type CsvImportPorts, emptyCounts, loadClerkState, notAppliedProblem, type PlanCounts, planBatch, type RowPlan } from './plan';
import { type CsvProblem, storedProblem } from './problems';
import { CsvFormatError, readCsv } from './read';

/** How long a runner's claim on a job lasts without a checkpoint; a crashed runner's job is taken over after it. */
export const IMPORT_LEASE_MS = 60_000;
const SHOWN_PROBLEMS = 200;
/** How often the rows finished inside a batch are saved for the progress bar (a batch takes ~2 s at production's rate limit). */
const LIVE_PROGRESS_MS = 1_000;

export type ImportJobStore = {
  lease(id: string, owner: string, leaseMs: number, set?: Record<string, unknown>): Promise<ImportJobRecord | null>;
  release(id: string, owner: string): Promise<void>;
  settle(id: string, owner: string, status: 'ready' | 'done' | 'failed' | 'cancelled', set?: Record<string, unknown>): Promise<boolean>;
  chunks(id: string): AsyncIterable<Buffer>;
  addProblems(id: string, phase: ImportPhase, problems: CsvProblem[]): Promise<void>;
  clearProblems(id: string, phase: ImportPhase, afterLine: number): Promise<void>;
};

export type ImportRunContext = { owner: string; stopping: () => boolean; store: ImportJobStore; ports: CsvImportPorts };

type Progress = { done: number; checkpointLine: number; counts: PlanCounts; problems: CsvProblem[]; problemCount: number };

/** One runner's pass over one phase of a job: what every step of it needs. */
type JobRun = { id: string; job: ImportJobRecord; phase: ImportPhase; resumeAfter: number; progress: Progress; state: ClerkState; context: ImportRunContext };

type BatchOutcome = 'go' | 'cancelled' | 'stopped' | 'lost';

/**
 * Runs the current phase of an import job — preview (count what would change)
 * or apply (change it) — from its last checkpoint, a batch of rows at a time.
 * After every batch: counts and problems saved, the lease renewed, a cancel
 * honoured. A runner that stops (or dies) leaves the job to be resumed; the
 * rows of an unfinished batch are planned again against Clerk's state re-read
 * at the start, so nothing is done twice.
 */
export async function runImportJob(id: string, context: ImportRunContext): Promise<void> {
  const { owner, store, ports } = context;
  const job = await store.lease(id, owner, IMPORT_LEASE_MS);
  if (!job) return; // another runner has it, or it is not running
  const phase: ImportPhase = job.status === 'previewing' ? 'preview' : 'apply';
  const resumeAfter = job.checkpointLine ?? 0;
  await store.clearProblems(id, phase, resumeAfter);
  const progress = resumedProgress(job, phase, resumeAfter);
  try {
    const run: JobRun = { id, job, phase, resumeAfter, progress, state: await loadClerkState(ports), context };
    const outcome = await runBatches(run);
    if (outcome === 'lost') return;
    if (outcome === 'stopped') return store.release(id, owner);
    if (outcome === 'cancelled') {
      await store.settle(id, owner, 'cancelled');
      return;
    }
    await store.settle(id, owner, phase === 'preview' ? 'ready' : 'done', { checkpointLine: 0 });
  } catch (error) {
    await settleFailure(error, id, phase, progress, context);
  }
}

/** The progress saved at the last checkpoint, or a fresh one when the phase starts. */
function resumedProgress(job: ImportJobRecord, phase: ImportPhase, resumeAfter: number): Progress {
  const saved = phase === 'preview' ? job.preview : job.result;
  return {
    done: resumeAfter ? job.done : 0,
    checkpointLine: resumeAfter,
    counts: resumeAfter && saved ? { ...emptyCounts(), ...pickCounts(saved) } : emptyCounts(),
    problems: resumeAfter ? [...job.problems].map(storedProblem) : [],
    problemCount: resumeAfter ? job.problemCount : 0,
  };
}

/** Reads the CSV, a batch at a time, until the end or a batch says stop. */
async function runBatches(run: JobRun): Promise<BatchOutcome> {
  const seen = new Map<string, number>();
  let batch: RowPlan[] = [];
  for await (const { line, record } of readCsv(run.context.store.chunks(run.id))) {
    batch.push(checkRecord(line, record, seen));
    if (batch.length >= IMPORT_BATCH) {
      const outcome = await runBatch(run, batch);
      if (outcome !== 'go') return outcome;
      batch = [];
    }
  }
  return runBatch(run, batch);
}

/** Plans (and in apply, applies) the rows not done before the checkpoint, then saves a checkpoint. */
async function runBatch(run: JobRun, batch: RowPlan[]): Promise<BatchOutcome> {
  const { id, job, phase, progress, state, context } = run;
  const { owner, stopping, store, ports } = context;
  const rows = batch.filter((p) => p.line > run.resumeAfter);
  if (rows.length === 0) return 'go';
  await planBatch(rows, state, ports);
  if (phase === 'apply') {
    let applied = 0;
    await whileSavingLiveProgress(
      () => store.lease(id, owner, IMPORT_LEASE_MS, { liveDone: progress.done + applied }),
      () =>
        eachRow(rows, async (plan) => {
          await applyOne(plan, state, job.createdBy, ports);
          applied += 1;
        }),
    );
  }
  const problems: CsvProblem[] = [];
  for (const plan of rows) {
    countPlan(plan, progress.counts);
    for (const p of plan.problems) problems.push({ line: plan.line, ...p });
  }
  await store.addProblems(id, phase, problems);
  progress.problems.push(...problems.slice(0, SHOWN_PROBLEMS - progress.problems.length));
  progress.problemCount += problems.length;
  progress.done += rows.length;
  progress.checkpointLine = batch.at(-1)?.line ?? progress.checkpointLine;
  const current = await checkpoint(run);
  if (!current) return 'lost';
  if (current.cancelRequested) return 'cancelled';
  return stopping() ? 'stopped' : 'go';
}

/** Saves the progress and renews the lease; null when the lease was lost. */
function checkpoint({ id, phase, progress, context }: JobRun): Promise<ImportJobRecord | null> {
  return context.store.lease(id, context.owner, IMPORT_LEASE_MS, {
    done: progress.done,
    liveDone: progress.done,
    checkpointLine: progress.checkpointLine,
    [phase === 'preview' ? 'preview' : 'result']: progress.counts,
    problems: progress.problems,
    problemCount: progress.problemCount,
    ...(phase === 'preview' ? { total: progress.done } : {}),
  });
}

/**
 * A malformed CSV fails the job with its line; Clerk being unavailable leaves
 * the job for the next sweep, which resumes it; anything else fails the job.
 * Rethrows all but the malformed CSV.
 */
async function settleFailure(error: unknown, id: string, phase: ImportPhase, progress: Progress, { owner, store }: ImportRunContext): Promise<void> {
  if (error instanceof CsvFormatError) {
    const found = error.problems.map((p) => ({ line: error.line, ...p }));
    await store.addProblems(id, phase, found);
    await store.settle(id, owner, 'failed', { error: error.message, problems: [...progress.problems, ...found].slice(0, SHOWN_PROBLEMS), problemCount: progress.problemCount + found.length });
    return;
  }
  if (error instanceof ClerkUnavailableError) {
    await store.release(id, owner);
    throw error;
  }
  await store.settle(id, owner, 'failed', { error: error instanceof Error ? error.message : String(error) });
  throw error;
}

/**
 * Runs `work`, saving live progress every LIVE_PROGRESS_MS meanwhile (no Clerk
 * call; one MongoDB write). The last save is awaited before `work`'s result is
 * returned, so it never lands after the checkpoint that follows.
 */
async function whileSavingLiveProgress(save: () => Promise<unknown>, work: () => Promise<void>): Promise<void> {
  let saving: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    saving = saving.then(save).catch(() => undefined); // a missed save only delays the bar
  }, LIVE_PROGRESS_MS);
  try {
    await work();
  } finally {
    clearInterval(timer);
    await saving;
  }
}

async function applyOne(plan: RowPlan, state: ClerkState, inviterUserId: string, ports: CsvImportPorts) {
  try {
    await applyRowPlan(plan, state, inviterUserId, ports);
  } catch (error) {
    if (error instanceof ClerkUnavailableError) throw error; // the whole batch is retried on resume
    const refusal = notAppliedProblem(error);
    if (refusal.code === 'notApplied') log.error({ err: error, line: plan.line }, 'CSV row not applied');
    plan.problems.push(refusal);
    plan.row = undefined;
  }
}

function pickCounts(saved: Partial<PlanCounts>): Partial<PlanCounts> {
  const { created, updated, unchanged, rejected, invited, adminsAdded } = saved;
  return Object.fromEntries(Object.entries({ created, updated, unchanged, rejected, invited, adminsAdded }).filter(([, v]) => typeof v === 'number'));
}
