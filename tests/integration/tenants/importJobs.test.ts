import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as currentImportRoute, POST as upload } from '@/app/api/admin/imports/route';
import { csvProblemText } from '@/i18n/csvProblemText';
import { requestLocale } from '@/i18n/requestLocale';
import { findImportJob, ImportJob, Organization, startImportApply } from '@/lib/db';
import { backgroundJobs, getImport, importProblemsCsv, type ImportView, requestCancel, stopBackgroundJobs } from './importJobsSupport';
import { configureAppEnv } from '../../helpers/appEnv';
import { cookieHeader } from '../../helpers/clerkSession';
import { deleteAllOrgs, useClerkLocal } from '../../helpers/clerkLocal';
import { useTestDatabase } from '../../setup/db';

// CSV import as a background job (issue 12): the real upload route, the job
// runner (agenda) against mongo-local, Clerk calls to clerk-local.
const db = useTestDatabase();
const clerk = useClerkLocal({ delivery: { paused: true } });
const APP = 'http://localhost:3000';
let cookie = '';

beforeAll(async () => {
  configureAppEnv({ mongoUri: db.uri, clerkApiUrl: clerk.server.url, clerkSecretKey: clerk.server.secretKey });
  Object.assign(process.env, {
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: clerk.server.publishableKey,
    CLERK_JWT_KEY: clerk.server.jwtKey,
    JOBS_POLL_MS: '200',
    RECONCILE_INTERVAL_MINUTES: '0',
  });
  const admin = await clerk.sdk.users.createUser({ emailAddress: ['platform.admin@example.com'], publicMetadata: { platformAdmin: true } });
  cookie = cookieHeader(clerk.server.mintSession({ userId: admin.id, origin: APP }));
  await backgroundJobs();
});
afterAll(async () => {
  await stopBackgroundJobs();
});
beforeEach(async () => {
  await stopBackgroundJobs();
  clerk.server.faults.reset();
  await Organization.deleteMany({});
  await ImportJob.deleteMany({});
  await deleteAllOrgs(clerk.sdk);
  await backgroundJobs();
});

const HEADER = 'shortName,name,logoUrl,isTestOrg,admins';

function csvOf(rows: number, prefix: string): string {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i += 1) lines.push(`${prefix}-${i},Org ${i},,false,${prefix}${i}@example.com`);
  return `${lines.join('\n')}\n`;
}

function uploadRequest(content: string | Uint8Array<ArrayBuffer>, fields: Record<string, string> = {}): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([content], { type: 'text/csv' }), 'orgs.csv');
  return new Request(`${APP}/api/admin/imports`, { method: 'POST', body: form, headers: { cookie } });
}

async function uploaded(content: string, fields: Record<string, string> = {}): Promise<string> {
  const response = await upload(uploadRequest(content, fields));
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

async function until(id: string, ok: (view: ImportView) => boolean): Promise<ImportView> {
  for (;;) {
    const view = await getImport(id, csvProblemText('en'));
    if (view && ok(view)) return view;
    if (view && ['failed'].includes(view.status)) throw new Error(`import failed: ${view.error}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A file of `rows` new orgs, previewed, then applied by the job runner with Clerk answering `latencyMs` late. */
async function applyingSlowly(rows: number, prefix: string, latencyMs: number): Promise<string> {
  const id = await uploaded(csvOf(rows, prefix));
  await until(id, (v) => v.status === 'ready');
  clerk.server.faults.set({ latencyMs });
  expect(await startImportApply(id)).toEqual({ ok: true });
  await (await backgroundJobs()).enqueue('csv-import', { importId: id });
  return id;
}

const slugsInClerk = async (prefix: string) =>
  clerk.server.store
    .listOrganizations({}, { limit: Number.MAX_SAFE_INTEGER, offset: 0 })
    .items.map((o) => o.slug)
    .filter((s) => s.startsWith(`${prefix}-`));

describe('CSV import job', () => {
  it('previews good and bad rows with line numbers, then applies the good ones and reports them', async () => {
    const text = [HEADER, 'good-one,Good One,,false,boss@example.com', 'Bad Name,Bad,,false,', 'good-two,Good Two,,false,', 'good-one,Again,,false,'].join('\n');
    const id = await uploaded(text, { applyValidRows: 'on' });
    const ready = await until(id, (v) => v.status === 'ready');
    expect(ready).toMatchObject({ total: 4, created: 2, rejected: 2, invited: 1 });
    expect(ready.problems.map((p) => p.line)).toEqual([3, 5]);
    expect(await Organization.countDocuments()).toBe(0); // a preview changes nothing

    expect(await startImportApply(id)).toEqual({ ok: true });
    await (await backgroundJobs()).enqueue('csv-import', { importId: id });
    const done = await until(id, (v) => v.status === 'done');
    expect(done).toMatchObject({ total: 4, done: 4, created: 2, rejected: 2, invited: 1, unchanged: 0 });
    expect((await Organization.find({}).lean()).map((o) => o.shortName).sort()).toEqual(['good-one', 'good-two']);
  });

  it('stores problems as code + params and words them in the reader\'s language (API `?locale=`, Accept-Language, problems.csv)', async () => {
    const id = await uploaded([HEADER, 'fine-co,Fine,,false,', 'Bad Name!,Bad,,false,'].join('\n'));
    await until(id, (v) => v.status === 'ready');
    const stored = await ImportJob.findById(id).lean();
    expect(stored?.problems).toEqual([{ line: 3, code: 'shortNameInvalid', params: { shortName: 'Bad Name!' } }]);
    const rows = await ImportJob.db.collection('import_problems').find({ importId: stored!._id }, { projection: { _id: 0, importId: 0 } }).toArray();
    expect(rows).toEqual([{ phase: 'preview', line: 3, code: 'shortNameInvalid', params: { shortName: 'Bad Name!' } }]);

    // The API keeps `problems: [{ line, message }]`, with code and params beside the message.
    const asked = (query: string, headers: Record<string, string> = {}) =>
      currentImportRoute(new Request(`${APP}/api/admin/imports${query}`, { headers: { cookie, ...headers } })).then((r) => r.json() as Promise<{ current: ImportView }>);
    const german = (await asked('?locale=de')).current.problems;
    expect(german).toEqual([
      { line: 3, code: 'shortNameInvalid', params: { shortName: 'Bad Name!' }, message: expect.stringMatching(/^shortName „Bad Name!“ ist ungültig \(Kleinbuchstaben/) },
    ]);
    expect((await asked('', { 'accept-language': 'fr-CH, de;q=0.8' })).current.problems[0]?.message).toMatch(/^shortName «\u202fBad Name!\u202f» n’est pas valide/);
    expect((await asked('?locale=xx', { 'accept-language': 'it, es;q=0.5' })).current.problems[0]?.message).toMatch(/^shortName "Bad Name!" is not valid/);

    const csv = await importProblemsCsv(id, csvProblemText(requestLocale(new Request(`${APP}/api/admin/imports/${id}/problems.csv?locale=fr`))));
    expect(await new Response(csv).text()).toBe(
      'line,message,code\n3,"shortName «\u202fBad Name!\u202f» n’est pas valide (lettres minuscules, chiffres et tirets intérieurs, 48 caractères au plus, pas un nom réservé)",shortNameInvalid\n',
    );
  });

  it('reports an unreadable header as its own problems, worded when read', async () => {
    const id = await uploaded('shortName,name,admins,extra\nacme,Acme,,x\n');
    await until(id, (v) => v.status === 'failed');
    const view = await getImport(id, csvProblemText('de'));
    expect(view?.problems.map((p) => [p.line, p.code, p.message])).toEqual([
      [1, 'columnsMissing', 'fehlende Spalte(n): logoUrl, isTestOrg'],
      [1, 'columnsUnknown', 'unbekannte Spalte(n): extra'],
    ]);
  });

  it('previews every row of a file of several batches, the last line without a newline', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `multi-${i + 1},Multi ${i + 1},,false,`);
    const id = await uploaded([HEADER, ...rows, 'Not Valid,x,,false,'].join('\n'));
    const ready = await until(id, (v) => v.status === 'ready');
    expect(ready).toMatchObject({ total: 201, created: 200, rejected: 1 });
    expect(ready.problems.map((p) => p.line)).toEqual([202]);
  });

  it('runs a job queued twice only once', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `twice-${i + 1},Twice ${i + 1},,false,`);
    const id = await uploaded([HEADER, ...rows].join('\n'));
    const runner = await backgroundJobs();
    await Promise.all([runner.enqueue('csv-import', { importId: id }), runner.enqueue('csv-import', { importId: id })]);
    expect(await until(id, (v) => v.status === 'ready')).toMatchObject({ total: 250, created: 250 });
    expect(await startImportApply(id)).toEqual({ ok: true });
    await Promise.all([runner.enqueue('csv-import', { importId: id }), runner.enqueue('csv-import', { importId: id })]);
    expect(await until(id, (v) => v.status === 'done')).toMatchObject({ done: 250, created: 250, rejected: 0 });
    expect(await slugsInClerk('twice')).toHaveLength(250);
  });

  it('refuses to apply a file with problems unless asked to apply the valid rows', async () => {
    const id = await uploaded([HEADER, 'fine-co,Fine,,false,', 'Nope,Bad,,false,'].join('\n'));
    await until(id, (v) => v.status === 'ready');
    expect(await startImportApply(id)).toMatchObject({ ok: false, reason: 'has-problems' });
    expect(await startImportApply(id, true)).toEqual({ ok: true });
  });

  it('resumes after its runner stops mid-apply and ends with exactly the rows of the file', async () => {
    const id = await applyingSlowly(350, 'resume', 15);
    await until(id, (v) => v.done >= 100);
    await stopBackgroundJobs(); // the runner saves its place at the end of the batch and lets go
    const stopped = await findImportJob(id);
    expect(stopped?.status).toBe('applying');
    expect(stopped?.done).toBeLessThan(350);
    clerk.server.faults.reset();
    await backgroundJobs(); // a new runner: its sweep finds the job and resumes it
    const done = await until(id, (v) => v.status === 'done');
    expect(done).toMatchObject({ done: 350, created: 350, invited: 350, rejected: 0 });
    const slugs = await slugsInClerk('resume');
    expect(slugs).toHaveLength(350);
    expect(new Set(slugs).size).toBe(350);
    expect(await Organization.countDocuments({ shortName: /^resume-/ })).toBe(350);
    const pending = clerk.server.store.listOrganizations({}, { limit: 1000, offset: 0 }).items.filter((o) => o.slug.startsWith('resume-'))
      .reduce((n, o) => n + clerk.server.store.listInvitations(o.id, { status: ['pending'] }, { limit: 10, offset: 0 }).total, 0);
    expect(pending).toBe(350);
  });

  it('shows rows finished inside a batch before its checkpoint, leaving the checkpoint (where a resume starts) at the batch boundary', async () => {
    const id = await applyingSlowly(150, 'live', 100); // a batch of 100 rows takes several seconds
    const midBatch = await until(id, (v) => v.done > 0 && v.done < 100);
    const stored = await findImportJob(id);
    expect(stored?.done).toBe(0); // the checkpoint, which a resume starts from, is untouched
    expect(stored?.liveDone).toBe(midBatch.done);
    clerk.server.faults.reset();
    const done = await until(id, (v) => v.status === 'done');
    expect(done).toMatchObject({ done: 150, created: 150 });
  });

  it('stops within one batch when cancelled', async () => {
    const id = await applyingSlowly(500, 'cancel', 15);
    const at = (await until(id, (v) => v.done >= 100)).done;
    await requestCancel(id);
    const cancelled = await until(id, (v) => v.status === 'cancelled');
    expect(cancelled.done).toBeLessThanOrEqual(at + 100);
    expect(cancelled.done).toBeLessThan(500);
    expect(await Organization.countDocuments({ shortName: /^cancel-/ })).toBe(cancelled.done);
  });

  it('applies one import at a time: a second apply is told another is running', async () => {
    const a = await uploaded(csvOf(3, 'one'));
    const b = await uploaded(csvOf(3, 'two'));
    await until(a, (v) => v.status === 'ready');
    await until(b, (v) => v.status === 'ready');
    await stopBackgroundJobs(); // nothing runs, so the first apply holds the slot
    const results = await Promise.all([startImportApply(a), startImportApply(b)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'busy' });
  });

  it('accepts a 20 MB file and refuses a 21 MB one with a clear message', async () => {
    const row = 'x'.repeat(1023) + '\n';
    const mb = (n: number) => new TextEncoder().encode(HEADER + '\n' + row.repeat(n * 1024 - 1)).slice(0, n * 1024 * 1024);
    const accepted = await upload(uploadRequest(mb(20)));
    expect(accepted.status).toBe(202);
    const refused = await upload(uploadRequest(mb(21)));
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error: 'too-large', message: 'The file is larger than 20 MB.' });
  });

  it('answers 404 to anyone but a platform admin', async () => {
    const someone = await clerk.sdk.users.createUser({ emailAddress: ['someone@example.com'] });
    const request = uploadRequest(csvOf(1, 'x'));
    const other = new Request(request, { headers: { cookie: cookieHeader(clerk.server.mintSession({ userId: someone.id, origin: APP })) } });
    expect((await upload(other)).status).toBe(404);
  });
});
