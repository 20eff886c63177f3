// Unique, compound, sparse and partial unique indexes reject duplicates with
// MongoDB's own E11000 error, one statement at a time inside batches.
import mongoose, { Schema, model, type Model } from 'mongoose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../setup/db';

const db = useTestDatabase();

type Account = { email: string; tenant?: string; handle?: string; nickname?: string; kind?: string; owner?: string };

const accountSchema = new Schema<Account>({
  email: { type: String, required: true },
  tenant: String,
  handle: String,
  nickname: String,
  kind: String,
  owner: String,
});
accountSchema.index({ email: 1 }, { unique: true });
accountSchema.index({ tenant: 1, handle: 1 }, { unique: true });
accountSchema.index({ nickname: 1 }, { unique: true, sparse: true });
accountSchema.index({ owner: 1 }, { unique: true, partialFilterExpression: { kind: 'primary' } });
const Account: Model<Account> = model<Account>('Account', accountSchema);

beforeAll(async () => {
  await Account.init();
});

beforeEach(async () => {
  await Account.deleteMany({});
});

describe('unique index', () => {
  it('rejects a second document with the same key with E11000, keyPattern and keyValue', async () => {
    await Account.create({ email: 'a@example.com', tenant: 't', handle: 'a' });
    const error = await Account.create({ email: 'a@example.com', tenant: 't', handle: 'b' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 11000,
      keyPattern: { email: 1 },
      keyValue: { email: 'a@example.com' },
    });
    expect((error as Error).message).toContain(
      `E11000 duplicate key error collection: ${db.name}.accounts index: email_1 dup key: { email: "a@example.com" }`,
    );
  });

  it('rejects an update that would create a duplicate and leaves the document unchanged', async () => {
    await Account.create({ email: 'x@example.com', tenant: 't', handle: 'x' });
    const other = await Account.create({ email: 'y@example.com', tenant: 't', handle: 'y' });
    await expect(Account.updateOne({ _id: other._id }, { email: 'x@example.com' })).rejects.toMatchObject({ code: 11000 });
    expect((await Account.findById(other._id).lean())?.email).toBe('y@example.com');
  });

  it('finds a document by its unique key after the key changed, and not by the old key', async () => {
    const doc = await Account.create({ email: 'old@example.com', tenant: 't', handle: 'mv' });
    await Account.updateOne({ _id: doc._id }, { email: 'new@example.com' });
    expect(await Account.findOne({ email: 'old@example.com' })).toBeNull();
    expect((await Account.findOne({ email: 'new@example.com', tenant: 't' }).lean())?._id).toEqual(doc._id);
    expect(await Account.findOne({ email: 'new@example.com', tenant: 'other' })).toBeNull();
    await Account.deleteOne({ _id: doc._id });
    expect(await Account.findOne({ email: 'new@example.com' })).toBeNull();
  });

  it('rejects a duplicate _id', async () => {
    const first = await Account.create({ email: 'id1@example.com', tenant: 't', handle: 'id1' });
    await expect(
      Account.collection.insertOne({ _id: first._id, email: 'id2@example.com' }),
    ).rejects.toMatchObject({ code: 11000, keyPattern: { _id: 1 } });
  });

  it('refuses to build a unique index over existing duplicates', async () => {
    const loose = mongoose.connection.collection('loose');
    await loose.insertMany([{ v: 1 }, { v: 1 }]);
    await expect(loose.createIndex({ v: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000 });
  });

  it('lists the indexes it was given', async () => {
    const indexes = await Account.listIndexes();
    expect(indexes.map((i) => i.name).sort()).toEqual(['_id_', 'email_1', 'nickname_1', 'owner_1', 'tenant_1_handle_1']);
    expect(indexes.find((i) => i.name === 'owner_1')).toMatchObject({
      unique: true,
      partialFilterExpression: { kind: 'primary' },
    });
  });
});

describe('compound unique index', () => {
  it('allows a repeated field when the combination differs, rejects a repeated combination', async () => {
    await Account.create({ email: 'c1@example.com', tenant: 't1', handle: 'same' });
    await Account.create({ email: 'c2@example.com', tenant: 't2', handle: 'same' });
    await expect(Account.create({ email: 'c3@example.com', tenant: 't1', handle: 'same' })).rejects.toMatchObject({
      code: 11000,
      keyPattern: { tenant: 1, handle: 1 },
      keyValue: { tenant: 't1', handle: 'same' },
    });
  });
});

describe('sparse unique index', () => {
  it('ignores documents without the field but rejects a repeated value', async () => {
    await Account.create({ email: 's1@example.com', tenant: 's', handle: '1' });
    await Account.create({ email: 's2@example.com', tenant: 's', handle: '2' });
    await Account.create({ email: 's3@example.com', tenant: 's', handle: '3', nickname: 'nick' });
    await expect(
      Account.create({ email: 's4@example.com', tenant: 's', handle: '4', nickname: 'nick' }),
    ).rejects.toMatchObject({ code: 11000, keyPattern: { nickname: 1 } });
  });
});

describe('partial unique index', () => {
  it('enforces uniqueness only among documents matching partialFilterExpression', async () => {
    await Account.create({ email: 'p1@example.com', tenant: 'p', handle: '1', kind: 'primary', owner: 'u1' });
    await Account.create({ email: 'p2@example.com', tenant: 'p', handle: '2', kind: 'secondary', owner: 'u1' });
    await Account.create({ email: 'p3@example.com', tenant: 'p', handle: '3', kind: 'secondary', owner: 'u1' });
    await expect(
      Account.create({ email: 'p4@example.com', tenant: 'p', handle: '4', kind: 'primary', owner: 'u1' }),
    ).rejects.toMatchObject({ code: 11000, keyPattern: { owner: 1 }, keyValue: { owner: 'u1' } });
  });

  it('rejects an update that brings a document into the filter onto a taken key', async () => {
    await Account.create({ email: 'q1@example.com', tenant: 'q', handle: '1', kind: 'primary', owner: 'u2' });
    const other = await Account.create({ email: 'q2@example.com', tenant: 'q', handle: '2', kind: 'secondary', owner: 'u2' });
    await expect(Account.updateOne({ _id: other._id }, { kind: 'primary' })).rejects.toMatchObject({ code: 11000 });
  });
});

describe('batch inserts', () => {
  const batch = () => [
    { email: 'b1@example.com', tenant: 'b', handle: '1' },
    { email: 'b1@example.com', tenant: 'b', handle: '2' },
    { email: 'b3@example.com', tenant: 'b', handle: '3' },
  ];

  it('ordered:false writes every non-duplicate and reports the duplicate by index', async () => {
    const error = await Account.insertMany(batch(), { ordered: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 11000 });
    const writeErrors = (error as { writeErrors: Array<{ index: number; code: number }> }).writeErrors;
    expect(writeErrors.map((e) => [e.index, e.code])).toEqual([[1, 11000]]);
    expect((await Account.find().sort({ handle: 1 }).lean()).map((a) => a.handle)).toEqual(['1', '3']);
  });

  it('ordered:true stops at the first duplicate and keeps what came before', async () => {
    await expect(Account.insertMany(batch(), { ordered: true })).rejects.toMatchObject({ code: 11000 });
    expect((await Account.find().lean()).map((a) => a.handle)).toEqual(['1']);
  });

  it('rejects duplicates within one bulkWrite of upserts', async () => {
    const result = await Account.bulkWrite(
      [
        { insertOne: { document: { email: 'k1@example.com', tenant: 'k', handle: '1' } } },
        { updateOne: { filter: { email: 'k2@example.com' }, update: { $set: { tenant: 'k', handle: '1' } }, upsert: true } },
        { updateOne: { filter: { email: 'k3@example.com' }, update: { $set: { tenant: 'k', handle: '3' } }, upsert: true } },
      ],
      { ordered: false },
    ).catch((e: { result?: unknown; writeErrors?: unknown }) => e);
    expect(result).toMatchObject({ writeErrors: [expect.objectContaining({ index: 1, code: 11000 })] });
    expect((await Account.find().sort({ handle: 1 }).lean()).map((a) => a.email)).toEqual(['k1@example.com', 'k3@example.com']);
  });
});
