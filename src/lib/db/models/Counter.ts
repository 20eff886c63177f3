import mongoose, { type Model } from 'mongoose';

const { Schema, model, models } = mongoose;

// Named sequences (e.g. test-org numbers, DESIGN.md §3 provisioning rule 2).
const counterSchema = new Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true, default: 0 },
  },
  { collection: 'counters', versionKey: false },
);

type CounterRecord = { _id: string; seq: number };
type CounterModel = Model<CounterRecord>;

export const Counter: CounterModel =
  (models.Counter as CounterModel | undefined) ?? model<CounterRecord>('Counter', counterSchema);

/**
 * The next number of sequence `name`, starting at 1. One atomic
 * findAndModify (upsert + $inc): concurrent callers never share a number.
 */
export async function nextSequence(name: string): Promise<number> {
  const counter = await Counter.findOneAndUpdate(
    { _id: name },
    { $inc: { seq: 1 } },
    { upsert: true, returnDocument: 'after', lean: true },
  );
  if (!counter) throw new Error(`Counter '${name}' was not returned by its upsert`);
  return counter.seq;
}

/**
 * Gives number `n` back when it is still the last one taken (compare and
 * set): the next caller gets it again, so an abandoned reservation leaves no
 * gap. If a later number was taken meanwhile, nothing changes.
 */
export async function releaseSequence(name: string, n: number): Promise<boolean> {
  const result = await Counter.updateOne({ _id: name, seq: n }, { $inc: { seq: -1 } });
  return result.modifiedCount === 1;
}
