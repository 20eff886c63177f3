import mongoose, { type Model, type Types } from 'mongoose';

const { Schema, model, models } = mongoose;

// Each scheduled reconcile run, so the admin page can show the last result.
const reconcileRunSchema = new Schema(
  {
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    apply: { type: Boolean, required: true },
    findings: { type: Number, default: 0 },
    fixed: { type: Number, default: 0 },
    counts: { type: Schema.Types.Mixed, default: {} },
    error: { type: String, default: null },
  },
  { collection: 'reconcile_runs', versionKey: false },
);
reconcileRunSchema.index({ startedAt: -1 });

type ReconcileRunFields = {
  startedAt: Date;
  finishedAt: Date | null;
  apply: boolean;
  findings: number;
  fixed: number;
  counts: Record<string, number>;
  error: string | null;
};
export type ReconcileRunRecord = ReconcileRunFields & { _id: Types.ObjectId };
type ReconcileRunModel = Model<ReconcileRunFields>;
const ReconcileRun: ReconcileRunModel =
  (models.ReconcileRun as ReconcileRunModel | undefined) ?? model<ReconcileRunFields>('ReconcileRun', reconcileRunSchema);

export async function recordReconcileRun(run: Omit<ReconcileRunRecord, '_id'>): Promise<void> {
  await ReconcileRun.create(run);
}

export async function lastReconcileRun(): Promise<ReconcileRunRecord | null> {
  return ReconcileRun.findOne({}).sort({ startedAt: -1 }).lean<ReconcileRunRecord>();
}
