// One CSV import or export in a Node process of its own (started by
// bench/scenarios/csvImport.ts): its heap holds the importer alone, not
// clerk-local's growing store, and lib/env is parsed afresh with the
// scenario's settings. The app's code is called as the job runner calls it:
// the file stored in MongoDB chunks, an import job created, its preview and
// apply phases run by runImportJob with the real ports; an export is the
// CSV stream the export route sends (exportOrgsCsv), read <runs> times.
//
// argv: import <csv file> <inviter user id> | export <runs>. Prints one JSON line (WorkerResult).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export type Phase = { ms: number; calls: Record<string, number>; routes: Record<string, number> };

export type ExportRun = Phase & { firstRowMs: number; firstOrgMs: number; rows: number; bytes: number; cpuMs: number };

export type WorkerResult = {
  csvBytes: number;
  concurrencyLimit: number;
  rateLimitPer10s: number;
  peakInFlight: number;
  preview?: Phase;
  apply?: Phase;
  /** Each export, in order: the first runs cold code, the rest as a server that has served before. */
  exports?: ExportRun[];
  heap: { start: number; end: number; live: number[] };
  view?: { status: string; total: number; created: number; updated: number; unchanged: number; rejected: number; invited: number; adminsAdded: number; firstProblem?: string };
};

const [mode, file, inviterUserId] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

// Every request to Clerk's Backend API counted, and how many are in flight at
// once. Installed before @clerk/backend loads: it binds fetch when imported.
const clerkUrl = process.env.CLERK_API_URL ?? '';
let calls: Record<string, number> = {};
let routes: Record<string, number> = {};
let inFlight = 0;
let peakInFlight = 0;
const realFetch = globalThis.fetch;
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  if (!request.url.startsWith(clerkUrl)) return realFetch(request);
  calls[request.method] = (calls[request.method] ?? 0) + 1;
  const route = `${request.method} ${new URL(request.url).pathname.replace(/\/(org|user|orginv)_[A-Za-z0-9]+/g, '/{id}')}`;
  routes[route] = (routes[route] ?? 0) + 1;
  // The export's wall time is measured: its responses are handed on as they
  // are (copying 5 MB of bodies cost the reader ~40 ms). The import's are read
  // here, so a request counts as in flight until its body has arrived.
  if (mode === 'export') return realFetch(request);
  inFlight += 1;
  peakInFlight = Math.max(peakInFlight, inFlight);
  try {
    const response = await realFetch(request);
    const body = response.body === null || [204, 205, 304].includes(response.status) ? null : await response.arrayBuffer();
    return new Response(body, response);
  } finally {
    inFlight -= 1;
  }
};

const { connectDb, createImportJob, disconnectDb, ensureIndexes, newImportId, saveImportChunk, startImportApply } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { csvImportPorts, exportOrgsCsv, getImport, importJobStore, runImportJob } = await import('@/lib/tenants');
await connectDb();
await ensureIndexes();

const heapNow = () => process.memoryUsage().heapUsed;
gc();
const heapStart = heapNow();
const live: number[] = [];
// The importer's heap, after a full GC every second; not during an export,
// whose wall time a forced GC would add to.
const sampler = setInterval(() => {
  if (mode !== 'import') return;
  gc();
  live.push(heapNow());
}, 1_000);

function phase(started: number): Phase {
  const result = { ms: performance.now() - started, calls, routes };
  calls = {};
  routes = {};
  return result;
}

const NEWLINE = 0x0a;

/** The CSV stream the export route sends, read to its end; rows counted by line (the bench's names have no line breaks). */
async function timedExport(): Promise<ExportRun> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let firstRowMs = -1;
  let firstOrgMs = -1;
  let rows = 0;
  let bytes = 0;
  const reader = (await exportOrgsCsv()).getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    const at = performance.now() - started;
    if (firstRowMs < 0) firstRowMs = at;
    else if (firstOrgMs < 0) firstOrgMs = at;
    bytes += chunk.value.length;
    for (let i = chunk.value.indexOf(NEWLINE); i !== -1; i = chunk.value.indexOf(NEWLINE, i + 1)) rows += 1;
  }
  const used = process.cpuUsage(cpu);
  return { ...phase(started), firstRowMs, firstOrgMs, rows, bytes, cpuMs: (used.user + used.system) / 1000 };
}

const result: WorkerResult = { csvBytes: 0, concurrencyLimit: env().CLERK_CONCURRENCY, rateLimitPer10s: env().CLERK_RATE_LIMIT_PER_10S ?? 0, peakInFlight: 0, heap: { start: heapStart, end: 0, live } };
const context = { owner: 'bench', stopping: () => false, store: importJobStore, ports: csvImportPorts };

if (mode === 'import') {
  if (!file || !inviterUserId) throw new Error('usage: csvImportWorker import <csv file> <inviter user id>');
  const bytes = readFileSync(file);
  result.csvBytes = bytes.length;
  const id = newImportId();
  for (let n = 0, at = 0; at < bytes.length; n += 1, at += 1024 * 1024) await saveImportChunk(id, n, Buffer.from(bytes.subarray(at, at + 1024 * 1024)));
  await createImportJob(id, { fileName: 'bench.csv', bytes: bytes.length, chunks: Math.ceil(bytes.length / (1024 * 1024)), createdBy: inviterUserId, applyValidRows: false });
  let started = performance.now();
  await runImportJob(id, context);
  result.preview = phase(started);
  const applying = await startImportApply(id);
  if (!applying.ok) throw new Error(`apply refused: ${applying.reason}`);
  started = performance.now();
  await runImportJob(id, context);
  result.apply = phase(started);
  const { csvProblemText } = await import('@/i18n/csvProblemText');
  const view = (await getImport(id, csvProblemText('en')))!;
  result.view = { ...view, firstProblem: view.problems[0] ? `line ${view.problems[0].line}: ${view.problems[0].message}` : undefined };
} else if (mode === 'export') {
  result.exports = [];
  const runs = Number(process.argv[3] ?? 1);
  for (let run = 0; run < runs; run += 1) result.exports.push(await timedExport());
} else throw new Error('usage: csvImportWorker import|export …');

clearInterval(sampler);
gc();
result.heap.end = heapNow();
result.peakInFlight = peakInFlight;
await disconnectDb();
process.stdout.write(`${JSON.stringify(result)}\n`);
