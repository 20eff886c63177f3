import mongoose from 'mongoose';
import { ImportChunk, type ImportChunkRecord, ImportJob, type ImportJobRecord, ImportProblem, type ImportStatus, type StoredImportProblem } from './models/ImportJob';

// Storage of CSV import jobs (DESIGN.md §3 CSV): the job document, the file
// in chunks, and every problem found. The job runner's lease and the
// one-apply-at-a-time rule are enforced here, atomically.

const { ObjectId } = mongoose.Types;

export type ImportPhase = 'preview' | 'apply';

export function newImportId(): string {
  return new ObjectId().toHexString();
}

// Ids come from URLs: anything but 24 hex digits matches no job (an id no document has).
const NO_JOB = new ObjectId('000000000000000000000000');
function idOf(id: string): mongoose.Types.ObjectId {
  return /^[0-9a-f]{24}$/i.test(id) ? new ObjectId(id) : NO_JOB;
}

export async function saveImportChunk(importId: string, n: number, data: Buffer): Promise<void> {
  await ImportChunk.create({ importId: idOf(importId), n, data });
}

export async function deleteImportChunks(importId: string): Promise<void> {
  await ImportChunk.deleteMany({ importId: idOf(importId) });
}

/** The uploaded file's bytes, chunk by chunk, in order. */
export async function* readImportChunks(importId: string): AsyncGenerator<Buffer> {
  const cursor = ImportChunk.find({ importId: idOf(importId) }).sort({ n: 1 }).lean<ImportChunkRecord>().cursor();
  for await (const chunk of cursor) {
    const data = chunk.data;
    yield Buffer.isBuffer(data) ? data : Buffer.from(data.buffer);
  }
}

export async function createImportJob(
  importId: string,
  fields: { fileName: string; bytes: number; chunks: number; createdBy: string; applyValidRows: boolean },
): Promise<void> {
  await ImportJob.create({ _id: idOf(importId), ...fields, status: 'previewing', startedAt: new Date() });
}

export async function findImportJob(id: string): Promise<ImportJobRecord | null> {
  return ImportJob.findById(idOf(id)).lean<ImportJobRecord>();
}

/** The newest import still running, else the newest one (the admin page shows it on return). */
export async function currentImportJob(): Promise<ImportJobRecord | null> {
  const running = await ImportJob.findOne({ status: { $in: ['previewing', 'ready', 'applying'] } })
    .sort({ createdAt: -1 })
    .lean<ImportJobRecord>();
  return running ?? ImportJob.findOne({}).sort({ createdAt: -1 }).lean<ImportJobRecord>();
}

const RUNNING: ImportStatus[] = ['previewing', 'applying'];

/** Takes (or renews) the lease of a running job; null when another runner holds it or it is not running. */
export async function leaseImportJob(id: string, owner: string, leaseMs: number, set: Record<string, unknown> = {}): Promise<ImportJobRecord | null> {
  const now = new Date();
  return ImportJob.findOneAndUpdate(
    { _id: idOf(id), status: { $in: RUNNING }, $or: [{ leaseOwner: owner }, { leaseUntil: null }, { leaseUntil: { $lt: now } }] },
    { $set: { ...set, leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) } },
    { returnDocument: 'after' },
  ).lean<ImportJobRecord>();
}

/** Ends the phase held by `owner`: the lease and the apply slot are released. */
export async function settleImportJob(id: string, owner: string, status: ImportStatus, set: Record<string, unknown> = {}): Promise<boolean> {
  const finished = status === 'ready' ? {} : { finishedAt: new Date() };
  const result = await ImportJob.updateOne(
    { _id: idOf(id), leaseOwner: owner },
    { $set: { ...set, ...finished, status, leaseOwner: null, leaseUntil: null, exclusive: null } },
  );
  return result.modifiedCount === 1;
}

/** Lets go of the lease without changing the status (a runner stopping): another runner resumes. */
export async function releaseImportJob(id: string, owner: string): Promise<void> {
  await ImportJob.updateOne({ _id: idOf(id), leaseOwner: owner }, { $set: { leaseOwner: null, leaseUntil: null } });
}

export type StartApplyResult = { ok: true } | { ok: false; reason: 'not-found' | 'not-ready' | 'has-problems' | 'busy'; runningId?: string };

/** ready → applying, holding the one apply slot of the whole deployment. */
export async function startImportApply(id: string, applyValidRows?: boolean): Promise<StartApplyResult> {
  const job = await findImportJob(id);
  if (!job) return { ok: false, reason: 'not-found' };
  if (job.status !== 'ready') return { ok: false, reason: 'not-ready' };
  const allowProblems = applyValidRows ?? job.applyValidRows;
  if ((job.preview?.rejected ?? 0) > 0 && !allowProblems) return { ok: false, reason: 'has-problems' };
  try {
    const started = await ImportJob.findOneAndUpdate(
      { _id: job._id, status: 'ready' },
      {
        $set: {
          status: 'applying',
          exclusive: 'apply',
          applyValidRows: allowProblems,
          done: 0,
          checkpointLine: 0,
          startedAt: new Date(),
          finishedAt: null,
          problems: [],
          problemCount: 0,
          result: {},
        },
      },
      { returnDocument: 'after' },
    ).lean<ImportJobRecord>();
    return started ? { ok: true } : { ok: false, reason: 'not-ready' };
  } catch (error) {
    if (error instanceof mongoose.mongo.MongoServerError && error.code === 11000) {
      const running = await ImportJob.findOne({ exclusive: 'apply' }, { _id: 1 }).lean<ImportJobRecord>();
      return { ok: false, reason: 'busy', runningId: running?._id.toHexString() };
    }
    throw error;
  }
}

/** A job not yet applying is cancelled at once; an applying one stops at its next batch. */
export async function requestImportCancel(id: string): Promise<ImportJobRecord | null> {
  const _id = idOf(id);
  await ImportJob.updateOne({ _id, status: { $in: ['previewing', 'ready'] }, leaseOwner: null }, { $set: { status: 'cancelled', finishedAt: new Date() } });
  await ImportJob.updateOne({ _id, status: { $in: ['previewing', 'applying'] } }, { $set: { cancelRequested: true } });
  return findImportJob(id);
}

/** Running jobs nobody holds (a runner stopped or crashed): the runner picks them up again. */
export async function orphanedImportJobIds(): Promise<string[]> {
  const docs = await ImportJob.find(
    { status: { $in: RUNNING }, $or: [{ leaseUntil: null }, { leaseUntil: { $lt: new Date() } }] },
    { _id: 1 },
  ).lean<ImportJobRecord[]>();
  return docs.map((d) => d._id.toHexString());
}

export type NewImportProblem = { line: number; code: string; params: object };

export async function addImportProblems(id: string, phase: ImportPhase, problems: NewImportProblem[]): Promise<void> {
  if (problems.length) await ImportProblem.insertMany(problems.map((p) => ({ importId: idOf(id), phase, ...p })));
}

/** Forgets problems past the checkpoint: the resumed batch finds them again. */
export async function clearImportProblems(id: string, phase: ImportPhase, afterLine = 0): Promise<void> {
  await ImportProblem.deleteMany({ importId: idOf(id), phase, line: { $gt: afterLine } });
}

export async function* importProblems(id: string, phase: ImportPhase): AsyncGenerator<StoredImportProblem> {
  const cursor = ImportProblem.find({ importId: idOf(id), phase }, { _id: 0, line: 1, code: 1, params: 1, message: 1 }).sort({ line: 1 }).lean<StoredImportProblem>().cursor();
  for await (const p of cursor) yield p;
}
