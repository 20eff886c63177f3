import mongoose, { type InferSchemaType, type Model, type Types } from 'mongoose';

const { Schema, model, models } = mongoose;

const IMPORT_STATUS = {
  previewing: 'previewing',
  ready: 'ready',
  applying: 'applying',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
} as const;
export type ImportStatus = (typeof IMPORT_STATUS)[keyof typeof IMPORT_STATUS];

const counts = {
  created: { type: Number, default: 0 },
  updated: { type: Number, default: 0 },
  unchanged: { type: Number, default: 0 },
  rejected: { type: Number, default: 0 },
  invited: { type: Number, default: 0 },
  adminsAdded: { type: Number, default: 0 },
};

// A platform admin's CSV import (DESIGN.md §3 CSV): previewed, then applied in
// the background, resumable from its checkpoint. The file itself is in
// import_chunks; every problem in import_problems (the first ones here too).
const importJobSchema = new Schema(
  {
    status: { type: String, enum: Object.values(IMPORT_STATUS), required: true, default: IMPORT_STATUS.previewing },
    fileName: { type: String, default: '' },
    bytes: { type: Number, required: true },
    chunks: { type: Number, required: true },
    createdBy: { type: String, required: true },
    applyValidRows: { type: Boolean, default: false },
    /** Rows in the file (known once the preview has read it all). */
    total: { type: Number, default: 0 },
    /** Rows the current phase has finished. */
    done: { type: Number, default: 0 },
    /** The last line whose batch the current phase finished: a resumed job starts after it. */
    checkpointLine: { type: Number, default: 0 },
    /**
     * Rows finished so far, saved every second inside a batch (for the progress
     * bar only): `done` stays the checkpoint's count, which a resume starts from.
     */
    liveDone: { type: Number, default: null },
    preview: counts,
    result: counts,
    problemCount: { type: Number, default: 0 },
    // A problem is a code and its parameters (lib/tenants/csv/problems.ts), worded when read, in the reader's language.
    problems: { type: [{ _id: false, line: Number, code: String, params: Schema.Types.Mixed }], default: [] },
    error: { type: String, default: null },
    cancelRequested: { type: Boolean, default: false },
    // Whoever holds an unexpired lease runs the job; a crashed runner's lease lapses and another takes over.
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    // 'apply' while applying: a unique index lets one import apply at a time across every instance.
    exclusive: { type: String, default: null },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
  },
  { collection: 'import_jobs', timestamps: true },
);

importJobSchema.index({ exclusive: 1 }, { unique: true, partialFilterExpression: { exclusive: { $type: 'string' } } });
importJobSchema.index({ status: 1, createdAt: -1 });

type ImportJobFields = InferSchemaType<typeof importJobSchema>;
export type ImportJobRecord = ImportJobFields & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
type ImportJobModel = Model<ImportJobFields>;

export const ImportJob: ImportJobModel = (models.ImportJob as ImportJobModel | undefined) ?? model<ImportJobFields>('ImportJob', importJobSchema);

// The uploaded file, in pieces under MongoDB's 16 MB document limit.
const importChunkSchema = new Schema(
  {
    importId: { type: Schema.Types.ObjectId, required: true },
    n: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { collection: 'import_chunks', versionKey: false },
);
importChunkSchema.index({ importId: 1, n: 1 }, { unique: true });

export type ImportChunkRecord = { _id: Types.ObjectId; importId: Types.ObjectId; n: number; data: Buffer | { buffer: Uint8Array } };
type ImportChunkFields = { importId: Types.ObjectId; n: number; data: Buffer };
type ImportChunkModel = Model<ImportChunkFields>;
export const ImportChunk: ImportChunkModel =
  (models.ImportChunk as ImportChunkModel | undefined) ?? model<ImportChunkFields>('ImportChunk', importChunkSchema);

// Every problem of a phase, for the downloadable problems CSV.
const importProblemSchema = new Schema(
  {
    importId: { type: Schema.Types.ObjectId, required: true },
    phase: { type: String, enum: ['preview', 'apply'], required: true },
    line: { type: Number, required: true },
    code: { type: String, required: true },
    params: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'import_problems', versionKey: false, minimize: false },
);
importProblemSchema.index({ importId: 1, phase: 1, line: 1 });

/** As stored: `params` is checked against the code's schema when read (lib/tenants/csv/problems.ts); `message` only on problems stored before codes. */
export type StoredImportProblem = { line: number; code?: string; params?: unknown; message?: string };
type ImportProblemFields = { importId: Types.ObjectId; phase: 'preview' | 'apply'; line: number; code: string; params: Record<string, unknown> };
type ImportProblemModel = Model<ImportProblemFields>;
export const ImportProblem: ImportProblemModel =
  (models.ImportProblem as ImportProblemModel | undefined) ?? model<ImportProblemFields>('ImportProblem', importProblemSchema);
