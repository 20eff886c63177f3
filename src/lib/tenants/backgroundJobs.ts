import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import * as db from '@/lib/db';
import { env } from '@/lib/env';
import { type JobDefinition, type JobRunner, startJobRunner } from '@/lib/jobs';
import { log } from '@/lib/log';
import { IMPORT_LEASE_MS, type ImportJobStore, runImportJob } from './csv/importJob';
import { csvImportPorts } from './ports';
import { reconcile } from './service';

// The app's background jobs on lib/jobs (agenda): CSV imports, a sweep that
// resumes imports whose runner stopped or died, and reconcile on a schedule.

const IMPORT_JOB = 'csv-import';
const SWEEP_JOB = 'csv-import-sweep';
const RECONCILE_JOB = 'reconcile';
const SWEEP_EVERY_MS = 10_000;

export const importJobStore: ImportJobStore = {
  lease: db.leaseImportJob,
  release: db.releaseImportJob,
  settle: db.settleImportJob,
  chunks: db.readImportChunks,
  addProblems: db.addImportProblems,
  clearProblems: db.clearImportProblems,
};

function definitions(owner: string, runner: () => JobRunner | undefined): JobDefinition[] {
  const e = env();
  const list: JobDefinition[] = [
    {
      name: IMPORT_JOB,
      lockLifetimeMs: IMPORT_LEASE_MS,
      concurrency: 2,
      run: async (data, { stopping }) => {
        if (typeof data.importId !== 'string') return;
        // One owner per run, not per process: the sweep may queue a job that is
        // already queued, and the lease must keep the second run out even here.
        const runOwner = `${owner}:${randomBytes(4).toString('hex')}`;
        await runImportJob(data.importId, { owner: runOwner, stopping, store: importJobStore, ports: csvImportPorts });
      },
    },
    {
      name: SWEEP_JOB,
      lockLifetimeMs: 60_000,
      everyMs: SWEEP_EVERY_MS,
      run: async () => {
        for (const importId of await db.orphanedImportJobIds()) await runner()?.enqueue(IMPORT_JOB, { importId });
      },
    },
  ];
  if (e.RECONCILE_INTERVAL_MINUTES > 0) {
    list.push({
      name: RECONCILE_JOB,
      // agenda runs one at a time across instances: one schedule document, locked while it runs.
      lockLifetimeMs: 30 * 60_000,
      everyMs: e.RECONCILE_INTERVAL_MINUTES * 60_000,
      // Not at every server start: a deploy of several instances would run it each time.
      skipImmediate: true,
      run: () => scheduledReconcile(e.RECONCILE_SCHEDULED_APPLY),
    });
  }
  return list;
}

/** One reconcile run, its result recorded for the admin page whatever happens. */
export async function scheduledReconcile(apply: boolean): Promise<void> {
  const startedAt = new Date();
  try {
    const report = await reconcile({ apply });
    await db.recordReconcileRun({
      startedAt,
      finishedAt: new Date(),
      apply,
      findings: report.findings.length,
      fixed: report.findings.filter((f) => f.fixed).length,
      counts: report.counts,
      error: null,
    });
  } catch (error) {
    await db.recordReconcileRun({ startedAt, finishedAt: new Date(), apply, findings: 0, fixed: 0, counts: {}, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

const globalForJobs = globalThis as typeof globalThis & { __tenantryJobs?: Promise<JobRunner> };

/** This process's job runner, started on first use (survives hot reloads). */
export function backgroundJobs(): Promise<JobRunner> {
  globalForJobs.__tenantryJobs ??= (async () => {
    const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    const ref: { runner?: JobRunner } = {};
    const started = await startJobRunner({ db: await db.nativeDb(), pollMs: env().JOBS_POLL_MS, definitions: definitions(owner, () => ref.runner) });
    ref.runner = started;
    log.info({ owner }, 'background job runner started');
    // Imports left by a runner that stopped or died resume now, not at the next sweep.
    for (const importId of await db.orphanedImportJobIds()) await started.enqueue(IMPORT_JOB, { importId });
    return started;
  })().catch((error: unknown) => {
    delete globalForJobs.__tenantryJobs;
    throw error;
  });
  return globalForJobs.__tenantryJobs;
}

/** Stops this process's runner: running imports save their place; another runner resumes them. */
export async function stopBackgroundJobs(): Promise<void> {
  const running = globalForJobs.__tenantryJobs;
  delete globalForJobs.__tenantryJobs;
  if (running) await (await running).stop();
}

/** Asks for an import to run now (the sweep would find it too, within SWEEP_EVERY_MS). */
export async function enqueueImport(importId: string): Promise<void> {
  if (!env().TENANTRY_JOBS) return;
  await (await backgroundJobs()).enqueue(IMPORT_JOB, { importId });
}
