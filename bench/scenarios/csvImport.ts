// DESIGN.md §6 "CSV import of 10,000 rows": streamed, flat memory, Clerk
// calls bounded by a concurrency limit. A generated file of ROWS new orgs,
// each with one admin email nobody has signed up with (→ one invitation per
// org), imported by the app's own importOrgsCsv against mongo-local and the
// bench's clerk-local, after an unmeasured warm-up import of WARM_UP other
// orgs in the same process. The import runs in a Node process of its own
// (bench/csvImportWorker.ts) so its heapUsed is the importer's alone (not
// clerk-local's store, which grows with every org it is given) and so lib/env
// is read with a high Clerk rate limit: the run is bounded by work, not by
// pacing. The worker counts every Backend API request and the most in flight
// at once (a wrapper around fetch, which @clerk/backend uses); heapUsed is
// sampled every 100 ms, and every second after a full GC (the live heap:
// heapUsed alone mostly follows when V8 collects garbage). Then: exactly ROWS orgs in MongoDB and in Clerk, ROWS
// pending invitations, and a second import of the same file changes nothing.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Organization } from '@/lib/db';
import type { WorkerResult } from '../csvImportWorker';
import { check, type Row, target } from '../report';
import { type Bench, resetState } from '../services';
import { count, formatTally, perSecond } from '../stats';

const ROWS = Number(process.env.BENCH_CSV_ROWS ?? 10_000);
const WARM_UP = 50;
/** Well above what the import can reach: Clerk's rate limit is not what is measured here. */
const RATE_LIMIT = 10_000_000;
/** Per import; past it the worker is stopped and the scenario fails. */
const TIME_LIMIT_MS = 200_000;
/** "Flat": the heap grows by less than this many times the file's size. */
const FLAT_FACTOR = 10;
// The live heap rises by a few MB in the first seconds whatever the row count
// (code optimised on use, the apply pass's working set), then stays level:
// "flat" is judged on the second half of the run, the rise reported beside it.
const WORKER = fileURLToPath(new URL('../csvImportWorker.ts', import.meta.url));

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function orgsCsv(rows: number, prefix = 'org'): string {
  const lines = ['shortName,name,logoUrl,isTestOrg,admins'];
  for (let i = 1; i <= rows; i += 1) lines.push(`${prefix}-${String(i).padStart(5, '0')},Org ${i},,false,${prefix === 'org' ? 'admin' : prefix}${i}@example.com`);
  return `${lines.join('\n')}\n`;
}

export async function runWorker(file: string, inviterUserId: string, warmUpFile?: string): Promise<WorkerResult> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', WORKER, file, inviterUserId, ...(warmUpFile ? [warmUpFile] : [])], {
    env: {
      ...process.env,
      // The bench's own URI asks the driver for command monitoring; the worker needs none.
      MONGODB_URI: process.env.MONGODB_URI?.replace(/\?.*$/, ''),
      CLERK_RATE_LIMIT_PER_10S: String(RATE_LIMIT),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4_000)));
  const timer = setTimeout(() => child.kill('SIGTERM'), TIME_LIMIT_MS);
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  clearTimeout(timer);
  if (code !== 0) throw new Error(`CSV import worker ${signal ? `stopped (${signal}, ${TIME_LIMIT_MS / 1000} s limit)` : `exited ${String(code)}`}: ${stderr.trim()}`);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as WorkerResult;
}

export async function csvImport(bench: Bench, progress: (line: string) => void): Promise<Row[]> {
  const { clerk } = bench;
  await resetState(bench);
  const inviter = clerk.store.createUser({ email_address: ['platform.admin@bench.example.com'] });
  const text = orgsCsv(ROWS);
  const dir = mkdtempSync(join(tmpdir(), 'tenantry-bench-csv-'));
  const file = join(dir, 'orgs.csv');
  writeFileSync(file, text);
  const warmUpFile = join(dir, 'warm-up.csv');
  writeFileSync(warmUpFile, orgsCsv(WARM_UP, 'warmup'));
  let first: WorkerResult;
  let second: WorkerResult;
  try {
    progress(`CSV import: ${count(ROWS)} rows (${mb(text.length)}), first import…`);
    first = await runWorker(file, inviter.id, warmUpFile);
    progress(`CSV import: first import ${(first.ms / 1000).toFixed(1)} s; the same file again…`);
    second = await runWorker(file, inviter.id);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The file's orgs (org-NNNNN), not the warm-up's.
  const orgsInMongo = await Organization.countDocuments({ shortName: /^org-/ });
  const clerkOrgs = clerk.store.listOrganizations({}, { limit: Number.MAX_SAFE_INTEGER, offset: 0 }).items.filter((o) => o.slug.startsWith('org-'));
  let pending = 0;
  for (const org of clerkOrgs) pending += clerk.store.listInvitations(org.id, { status: ['pending'] }, { limit: Number.MAX_SAFE_INTEGER, offset: 0 }).total;

  const total = (r: WorkerResult) => Object.values(r.calls).reduce((a, b) => a + b, 0);
  const writes = (r: WorkerResult) => total(r) - (r.calls.GET ?? 0);
  const { heap } = first;
  const growth = heap.peak - heap.start;
  const liveMax = Math.max(heap.start, heap.afterGc, ...heap.live);
  const liveGrowth = liveMax - heap.start;
  const mid = heap.live[Math.floor(heap.live.length / 2)] ?? heap.start;
  const liveHalf = heap.afterGc - mid;
  const s = 'CSV import';
  const sizeNote = ROWS === 10_000 ? '' : ` — NOT the 10,000 of DESIGN.md §6 (BENCH_CSV_ROWS=${ROWS})`;
  return [
    {
      scenario: s,
      metric: `${count(ROWS)} new orgs, 1 unknown admin each (${mb(first.csvBytes)} of CSV; ${WARM_UP} other orgs imported first, unmeasured)${sizeNote}`,
      measured: `${(first.ms / 1000).toFixed(1)} s → ${perSecond(ROWS / (first.ms / 1000))} rows; report: ${first.report.created} created, ${first.report.invitationsSent} invited, ${first.report.errors} errors${first.report.firstError ? ` (${first.report.firstError})` : ''}`,
      target: '(throughput)',
      verdict: 'INFO',
    },
    {
      scenario: s,
      metric: 'Clerk Backend API calls (first import)',
      measured: `${count(total(first))} = ${(total(first) / ROWS).toFixed(2)} per row (${formatTally(first.routes)})`,
      target: '(bounded per row)',
      verdict: 'INFO',
    },
    {
      scenario: s,
      metric: 'most Clerk calls in flight at once (first import)',
      measured: `${first.peakInFlight}; the app's CLERK_CONCURRENCY: ${first.concurrencyLimit}`,
      target: `≤ CLERK_CONCURRENCY (${first.concurrencyLimit})`,
      verdict: target(first.peakInFlight > 0 && first.peakInFlight <= first.concurrencyLimit),
    },
    {
      scenario: s,
      metric: `heapUsed during the first import, every 100 ms (${heap.samples} samples)`,
      measured: `start ${mb(heap.start)}, peak ${mb(heap.peak)}, end ${mb(heap.end)}: peak − start = ${mb(growth)} = ${(growth / first.csvBytes).toFixed(0)}× the file — uncollected garbage included`,
      target: '(V8 collects when it sees fit)',
      verdict: 'INFO',
    },
    {
      scenario: s,
      metric: `live heap (heapUsed after a full GC, every second: ${heap.live.length} samples)`,
      measured: `start ${mb(heap.start)}, max ${mb(liveMax)}, end ${mb(heap.afterGc)}: max − start = ${mb(liveGrowth)} = ${(liveGrowth / first.csvBytes).toFixed(1)}× the file (${liveGrowth < FLAT_FACTOR * first.csvBytes ? 'under' : 'over'} ${FLAT_FACTOR}×); over the 2nd half of the run: ${liveHalf >= 0 ? '+' : '−'}${mb(Math.abs(liveHalf))}`,
      target: 'flat: the 2nd half adds < 1× the file',
      verdict: target(liveHalf < first.csvBytes),
    },
    {
      scenario: s,
      metric: 'after the first import: orgs in MongoDB and in Clerk, pending invitations',
      measured: `${count(orgsInMongo)} / ${count(clerkOrgs.length)} / ${count(pending)}`,
      target: `${count(ROWS)} each`,
      verdict: check(first.report.applied && first.report.errors === 0 && orgsInMongo === ROWS && clerkOrgs.length === ROWS && pending === ROWS),
    },
    {
      scenario: s,
      metric: 'the same file imported again',
      measured: `${(second.ms / 1000).toFixed(1)} s; ${second.report.unchanged} unchanged, ${second.report.created} created, ${second.report.updated} updated, ${second.report.invitationsSent} invited; Clerk: ${count(total(second))} calls (${formatTally(second.calls) || 'none'}), ${writes(second)} writes; peak ${second.peakInFlight} in flight`,
      target: 'nothing changes, 0 Clerk writes',
      verdict: check(second.report.unchanged === ROWS && second.report.created + second.report.updated + second.report.invitationsSent + second.report.adminsAdded === 0 && writes(second) === 0),
    },
  ];
}
