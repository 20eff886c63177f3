import { Readable } from 'node:stream';
import busboy from 'busboy';
import { stringify } from 'csv-stringify';
import * as db from '@/lib/db';
import { enqueueImport } from '../backgroundJobs';
import { type CsvProblem, type CsvProblemDetail, storedProblem } from './problems';

/** Words a problem in the reader's language (src/i18n/csvProblemText.ts): this service stays free of message catalogs. */
export type DescribeProblem = (problem: CsvProblemDetail) => string;

// The CSV import as an HTTP resource (issue 12): upload → preview → apply →
// done, each phase a background job. Routes stay thin; this is their service.

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

export type UploadOutcome = { ok: true; id: string } | { ok: false; error: 'too-large' | 'no-file' | 'empty' | 'bad-form' };

/** What arrived of an upload: the form's fields and the file as stored so far. */
type Upload = { applyValidRows: boolean; fileName: string; sawFile: boolean; stored: StoredFile; saving: Promise<void>[] };
type StoredFile = { bytes: number; chunks: number; tooLarge: boolean };

/**
 * Streams a multipart upload (field `file`, optional `applyValidRows`) into
 * MongoDB a 1 MB chunk at a time — never the whole file in memory — then
 * creates the import job and starts its preview. Past MAX_IMPORT_BYTES the
 * rest of the body is read and dropped, and nothing is kept.
 */
export async function receiveImportUpload(body: ReadableStream<Uint8Array> | null, contentType: string, createdBy: string): Promise<UploadOutcome> {
  if (!body || !contentType.startsWith('multipart/form-data')) return { ok: false, error: 'bad-form' };
  const id = db.newImportId();
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { 'content-type': contentType }, limits: { files: 1, fileSize: MAX_IMPORT_BYTES, fields: 5 } });
  } catch {
    return { ok: false, error: 'bad-form' };
  }
  const upload: Upload = { applyValidRows: false, fileName: '', sawFile: false, stored: { bytes: 0, chunks: 0, tooLarge: false }, saving: [] };
  const done = readUpload(parser, id, upload);
  const { stored } = upload;
  try {
    Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>).pipe(parser);
    await done;
    await Promise.all(upload.saving);
  } catch {
    await db.deleteImportChunks(id);
    return { ok: false, error: stored.tooLarge ? 'too-large' : 'bad-form' };
  }
  if (stored.tooLarge || !upload.sawFile || stored.bytes === 0) {
    await db.deleteImportChunks(id);
    return { ok: false, error: stored.tooLarge ? 'too-large' : upload.sawFile ? 'empty' : 'no-file' };
  }
  const { fileName, applyValidRows } = upload;
  await db.createImportJob(id, { fileName: fileName.slice(0, 200), bytes: stored.bytes, chunks: stored.chunks, createdBy, applyValidRows });
  await enqueueImport(id);
  return { ok: true, id };
}

/** Fills `upload` from the parser's events (the first `file` field is stored, others drained); settles when the form is read. */
function readUpload(parser: busboy.Busboy, id: string, upload: Upload): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value) => {
      if (name === 'applyValidRows') upload.applyValidRows = ['on', 'true', '1'].includes(value);
    });
    parser.on('file', (name, file, info) => {
      if (name !== 'file' || upload.sawFile) {
        file.resume();
        return;
      }
      upload.sawFile = true;
      upload.fileName = info.filename ?? '';
      upload.saving.push(storeFile(id, file, upload.stored));
    });
    parser.on('close', resolve);
    parser.on('error', reject);
  });
}

/** Saves the file in chunks of CHUNK_BYTES; past the size limit it reads to the end and keeps nothing. */
async function storeFile(id: string, file: Readable, stored: StoredFile): Promise<void> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    // A buffer of its own (never a slice of Node's shared pool), as BSON serialises the whole backing store.
    const data = Buffer.alloc(Math.min(pendingBytes, CHUNK_BYTES));
    let offset = 0;
    const rest: Buffer[] = [];
    for (const piece of pending) {
      const taken = piece.copy(data, offset, 0, Math.min(piece.length, data.length - offset));
      offset += taken;
      if (taken < piece.length) rest.push(piece.subarray(taken));
    }
    pending = rest;
    pendingBytes -= data.length;
    await db.saveImportChunk(id, stored.chunks, data);
    stored.chunks += 1;
  };
  file.on('limit', () => (stored.tooLarge = true));
  for await (const received of file as AsyncIterable<Buffer>) {
    if (stored.tooLarge) continue; // read to the end, keep nothing
    stored.bytes += received.length;
    // A body already in memory can arrive as one piece: cut it to chunk size.
    for (let start = 0; start < received.length; start += CHUNK_BYTES) {
      const piece = received.subarray(start, start + CHUNK_BYTES);
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
  }
  while (!stored.tooLarge && pendingBytes > 0) await flush();
}

export type ImportView = {
  id: string;
  status: db.ImportStatus;
  fileName: string;
  total: number;
  done: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  invited: number;
  adminsAdded: number;
  /** The first SHOWN_PROBLEMS: code and params as stored, `message` in the reader's language. */
  problems: (CsvProblem & { message: string })[];
  problemCount: number;
  preview: { created: number; updated: number; unchanged: number; rejected: number; invited: number; adminsAdded: number };
  applyValidRows: boolean;
  /** Rows a second in the current phase, and seconds left at that rate (null until known). */
  rate: number | null;
  etaSeconds: number | null;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
};

function countsOf(c: Partial<Record<'created' | 'updated' | 'unchanged' | 'rejected' | 'invited' | 'adminsAdded', number | null>> | null | undefined) {
  return { created: c?.created ?? 0, updated: c?.updated ?? 0, unchanged: c?.unchanged ?? 0, rejected: c?.rejected ?? 0, invited: c?.invited ?? 0, adminsAdded: c?.adminsAdded ?? 0 };
}

/** The job as GET /api/admin/imports/{id} shows it: the counts of the current phase (preview's until applying). */
function importView(job: db.ImportJobRecord, describe: DescribeProblem, now: number = Date.now()): ImportView {
  const preview = countsOf(job.preview);
  const applying = ['applying', 'done'].includes(job.status) || (job.status === 'cancelled' && (job.result?.created ?? 0) + (job.result?.unchanged ?? 0) + (job.result?.rejected ?? 0) + (job.result?.updated ?? 0) > 0);
  const counts = applying ? countsOf(job.result) : preview;
  const started = job.startedAt ? new Date(job.startedAt).getTime() : null;
  const end = job.finishedAt ? new Date(job.finishedAt).getTime() : now;
  const seconds = started ? Math.max(0.001, (end - started) / 1000) : null;
  const running = job.status === 'applying' || job.status === 'previewing';
  // While running, the rows finished inside the current batch count too (saved every second).
  const done = running ? Math.max(job.done ?? 0, job.liveDone ?? 0) : (job.done ?? 0);
  const rate = seconds && done > 0 ? done / seconds : null;
  const total = job.total ?? 0;
  return {
    id: job._id.toHexString(),
    status: job.status,
    fileName: job.fileName ?? '',
    total,
    done,
    ...counts,
    problems: (job.problems ?? []).map((stored) => {
      const p = storedProblem(stored);
      return { ...p, message: describe(p) };
    }),
    problemCount: job.problemCount ?? 0,
    preview,
    applyValidRows: job.applyValidRows ?? false,
    rate,
    etaSeconds: running && rate && job.status === 'applying' ? Math.max(0, (total - done) / rate) : null,
    error: job.error ?? null,
    startedAt: job.startedAt ? new Date(job.startedAt).toISOString() : null,
    finishedAt: job.finishedAt ? new Date(job.finishedAt).toISOString() : null,
  };
}

export async function getImport(id: string, describe: DescribeProblem): Promise<ImportView | null> {
  const job = await db.findImportJob(id);
  return job ? importView(job, describe) : null;
}

/** The running import, else the latest one (the admin page shows it when the admin comes back). */
export async function currentImport(describe: DescribeProblem): Promise<ImportView | null> {
  const job = await db.currentImportJob();
  return job ? importView(job, describe) : null;
}

export async function applyImport(id: string, applyValidRows?: boolean): Promise<db.StartApplyResult> {
  const result = await db.startImportApply(id, applyValidRows);
  if (result.ok) await enqueueImport(id);
  return result;
}

export async function cancelImport(id: string, describe: DescribeProblem): Promise<ImportView | null> {
  const job = await db.requestImportCancel(id);
  return job ? importView(job, describe) : null;
}

/** Every problem of the job's latest phase as CSV (line, message in the reader's language, code), streamed. */
export async function importProblemsCsv(id: string, describe: DescribeProblem): Promise<ReadableStream<Uint8Array> | null> {
  const job = await db.findImportJob(id);
  if (!job) return null;
  const phase: db.ImportPhase = ['applying', 'done'].includes(job.status) ? 'apply' : 'preview';
  async function* rows() {
    yield ['line', 'message', 'code'];
    for await (const stored of db.importProblems(id, phase)) {
      const p = storedProblem(stored);
      yield [String(p.line), describe(p), p.code];
    }
  }
  return Readable.toWeb(Readable.from(rows()).pipe(stringify())) as ReadableStream<Uint8Array>;
}
