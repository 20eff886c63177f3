// One CSV import in a Node process of its own (started by
// bench/scenarios/csvImport.ts): its heap holds the importer alone, not
// clerk-local's growing store, and lib/env is parsed afresh with the
// scenario's rate limit. The app's code is called directly (importOrgsCsv with
// the real ports), as the admin page's server action calls it.
//
// argv: <csv file> <inviter user id> [warm-up csv file]. The warm-up file is
// imported first, unmeasured: one-time costs (code compiled on first use,
// connection pools) are not growth with rows. Prints one JSON line (WorkerResult).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export type WorkerResult = {
  ms: number;
  csvBytes: number;
  concurrencyLimit: number;
  calls: Record<string, number>;
  routes: Record<string, number>;
  peakInFlight: number;
  heap: { start: number; peak: number; end: number; afterGc: number; samples: number; live: number[] };
  report: { applied: boolean; rows: number; created: number; updated: number; unchanged: number; adminsAdded: number; invitationsSent: number; errors: number; firstError?: string };
};

const [file, inviterUserId, warmUpFile] = process.argv.slice(2);
if (!file || !inviterUserId) throw new Error('usage: csvImportWorker <csv file> <inviter user id>');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

// Every request to Clerk's Backend API counted, and how many are in flight at
// once. Installed before @clerk/backend loads: it binds fetch when imported.
const clerkUrl = process.env.CLERK_API_URL ?? '';
const calls: Record<string, number> = {};
const routes: Record<string, number> = {};
let inFlight = 0;
let peakInFlight = 0;
const realFetch = globalThis.fetch;
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  if (!request.url.startsWith(clerkUrl)) return realFetch(request);
  calls[request.method] = (calls[request.method] ?? 0) + 1;
  const route = `${request.method} ${new URL(request.url).pathname.replace(/\/(org|user|orginv)_[A-Za-z0-9]+/g, '/{id}').replace(/\/org-\d+/g, '/{slug}')}`;
  routes[route] = (routes[route] ?? 0) + 1;
  inFlight += 1;
  peakInFlight = Math.max(peakInFlight, inFlight);
  try {
    const response = await realFetch(request);
    // Held until the body is read, as the caller's slot is.
    const body = response.body === null || [204, 205, 304].includes(response.status) ? null : await response.arrayBuffer();
    return new Response(body, response);
  } finally {
    inFlight -= 1;
  }
};

const { dbReady, disconnectDb } = await import('@/lib/db');
const { env } = await import('@/lib/env');
const { csvImportPorts, importOrgsCsv } = await import('@/lib/tenants');
await dbReady(env().MONGODB_URI);

if (warmUpFile) {
  await importOrgsCsv(readFileSync(warmUpFile, 'utf8'), { applyValidRows: false, inviterUserId }, csvImportPorts);
  for (const key of Object.keys(calls)) delete calls[key];
  for (const key of Object.keys(routes)) delete routes[key];
  peakInFlight = 0;
}
const text = readFileSync(file, 'utf8');
gc();
const heapNow = () => process.memoryUsage().heapUsed;
const start = heapNow();
let peak = start;
let samples = 0;
// heapUsed counts garbage not yet collected, so its peak follows V8's GC
// heuristics more than the import; every second a full GC first gives the live heap.
const live: number[] = [];
const sampler = setInterval(() => {
  samples += 1;
  if (samples % 10 === 0) {
    gc();
    live.push(heapNow());
  } else peak = Math.max(peak, heapNow());
}, 100);
const started = performance.now();
const report = await importOrgsCsv(text, { applyValidRows: false, inviterUserId }, csvImportPorts);
const ms = performance.now() - started;
clearInterval(sampler);
const end = heapNow();
peak = Math.max(peak, end);
gc();
const afterGc = heapNow();
await disconnectDb();

const result: WorkerResult = {
  ms,
  csvBytes: Buffer.byteLength(text),
  concurrencyLimit: env().CLERK_CONCURRENCY,
  calls,
  routes,
  peakInFlight,
  heap: { start, peak, end, afterGc, samples, live },
  report: {
    applied: report.applied,
    rows: report.rows,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    adminsAdded: report.adminsAdded,
    invitationsSent: report.invitationsSent,
    errors: report.errors.length,
    firstError: report.errors[0] ? `line ${report.errors[0].line}: ${report.errors[0].message}` : undefined,
  },
};
process.stdout.write(`${JSON.stringify(result)}\n`);
