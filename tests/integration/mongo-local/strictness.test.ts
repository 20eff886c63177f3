// Where mongod is strict, so is mongo-local: unknown fields, `sort` on an
// update (8.0's, refused by 7.0), `$`-prefixed keys inside `_id`, validators,
// and features it lacks fail with MongoDB's own codes instead of being ignored.
import mongoose, { type mongo } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../setup/db';

useTestDatabase();

const db = () => mongoose.connection.db!;
const { Decimal128 } = mongoose.mongo;

describe('unknown and unsupported fields', () => {
  it('refuses a find with a misspelt filter instead of returning everything', async () => {
    await db().collection('strict').insertMany([{ a: 1 }, { a: 2 }]);
    await expect(db().command({ find: 'strict', fliter: { a: 1 } })).rejects.toMatchObject({
      code: 40415,
      message: "BSON field 'find.fliter' is an unknown field.",
    });
  });

  it('refuses sort on an update statement, as MongoDB 7.0 does', async () => {
    await expect(
      db().command({ update: 'strict', updates: [{ q: {}, u: { $set: { b: 1 } }, sort: { a: -1 } }] }),
    ).rejects.toMatchObject({ code: 40415, message: "BSON field 'update.updates.sort' is an unknown field." });
  });

  it('refuses $-prefixed field names inside _id', async () => {
    await expect(db().collection('strict').insertOne({ _id: { $oid: 'x' } } as never)).rejects.toMatchObject({ code: 52 });
  });

  it('answers $text without a text index, views and capped collections with MongoDB codes naming them', async () => {
    await expect(db().collection('strict').find({ $text: { $search: 'x' } }).toArray()).rejects.toMatchObject({ code: 27 });
    await expect(db().createCollection('a_view', { viewOn: 'strict', pipeline: [] })).rejects.toMatchObject({
      code: 115,
      message: expect.stringContaining('views'),
    });
    await expect(db().createCollection('capped', { capped: true, size: 4096 })).rejects.toMatchObject({
      code: 115,
      message: expect.stringContaining('capped'),
    });
  });
});

describe('upserts and numbers', () => {
  it('upserts { _id: null } as a document whose _id is null', async () => {
    const result = await db().collection('nulls').updateOne({ _id: null } as never, { $set: { y: 1 } }, { upsert: true });
    expect(result.upsertedId).toBeNull();
    expect(await db().collection('nulls').findOne({ _id: null } as never)).toEqual({ _id: null, y: 1 });
  });

  it('increments Decimal128 values exactly', async () => {
    const prices = db().collection<{ _id: string; v: mongo.Decimal128 }>('prices');
    await prices.insertOne({ _id: 'p', v: Decimal128.fromString('0.1') });
    await prices.updateOne({ _id: 'p' }, { $inc: { v: Decimal128.fromString('0.2') } });
    await prices.updateOne({ _id: 'p' }, { $inc: { v: 1 } });
    expect((await prices.findOne({ _id: 'p' }))?.v.toString()).toBe('1.3');
  });
});

describe('let variables', () => {
  it('are visible to $expr in find, delete and update, and to a pipeline update', async () => {
    const items = db().collection<{ _id: number; qty: number; label?: string }>('let_items');
    await items.insertMany([{ _id: 1, qty: 5 }, { _id: 2, qty: 10 }, { _id: 3, qty: 15 }]);
    const found = await items.find({ $expr: { $gt: ['$qty', '$$limit'] } }, { let: { limit: 8 } }).toArray();
    expect(found.map((doc) => doc._id)).toEqual([2, 3]);
    await items.updateMany({ $expr: { $eq: ['$qty', '$$q'] } }, [{ $set: { label: '$$name' } }], { let: { q: 10, name: 'ten' } });
    expect((await items.findOne({ _id: 2 }))?.label).toBe('ten');
    const deleted = await items.deleteMany({ $expr: { $lt: ['$qty', '$$limit'] } }, { let: { limit: 8 } });
    expect(deleted.deletedCount).toBe(1);
    const aggregated = await items.aggregate([{ $match: { $expr: { $gte: ['$qty', '$$min'] } } }, { $project: { _id: 1 } }], { let: { min: 15 } }).toArray();
    expect(aggregated).toEqual([{ _id: 3 }]);
    // let values are expressions: $literal keeps a string that looks like a field path.
    const literal = await items.aggregate([{ $project: { _id: 1, v: '$$v' } }], { let: { v: { $literal: '$qty' } } }).toArray();
    expect(literal[0]?.v).toBe('$qty');
  });
});

describe('$jsonSchema validators', () => {
  const schema = {
    $jsonSchema: {
      bsonType: 'object',
      required: ['email', 'age'],
      properties: { email: { bsonType: 'string', pattern: '@' }, age: { bsonType: 'int', minimum: 0 } },
    },
  };

  it('refuse invalid inserts and updates with code 121, unless validation is bypassed', async () => {
    await db().createCollection('validated', { validator: schema });
    const people = db().collection('validated');
    await people.insertOne({ _id: 'ok', email: 'a@x.io', age: 3 } as never);
    await expect(people.insertOne({ email: 'no-at', age: 3 })).rejects.toMatchObject({ code: 121 });
    await expect(people.insertOne({ email: 'b@x.io' })).rejects.toMatchObject({ code: 121 });
    await expect(people.updateOne({ _id: 'ok' } as never, { $set: { age: -1 } })).rejects.toMatchObject({ code: 121 });
    await people.insertOne({ email: 'bypass' }, { bypassDocumentValidation: true });
    expect(await people.countDocuments()).toBe(2);
    expect(await people.countDocuments(schema)).toBe(1);
  });

  it('only warns with validationAction warn, and lets moderate skip documents already invalid', async () => {
    await db().createCollection('warned', { validator: schema, validationAction: 'warn' });
    await db().collection('warned').insertOne({ email: 'no-at' });
    expect(await db().collection('warned').countDocuments()).toBe(1);

    await db().createCollection('moderate', { validator: schema, validationLevel: 'moderate' });
    const moderate = db().collection('moderate');
    await moderate.insertOne({ _id: 'old', email: 'legacy' } as never, { bypassDocumentValidation: true });
    await moderate.updateOne({ _id: 'old' } as never, { $set: { note: 'still invalid, allowed' } });
    await moderate.insertOne({ _id: 'new', email: 'n@x.io', age: 1 } as never);
    await expect(moderate.updateOne({ _id: 'new' } as never, { $unset: { age: '' } })).rejects.toMatchObject({ code: 121 });
  });

  it('refuses an unknown $jsonSchema keyword and a bad validationLevel when the collection is created', async () => {
    await expect(db().createCollection('bad1', { validator: { $jsonSchema: { bsonTyp: 'object' } } })).rejects.toMatchObject({ code: 9 });
    await expect(db().createCollection('bad2', { validator: schema, validationLevel: 'sometimes' as never })).rejects.toMatchObject({ code: 2 });
  });
});

describe('$out and $merge', () => {
  it('$out replaces the target, keeps its unique index, and changes nothing on a duplicate key', async () => {
    const source = db().collection('out_source');
    await source.insertMany([{ k: 'a', n: 1 }, { k: 'b', n: 2 }, { k: 'a', n: 3 }]);
    const target = db().collection('out_target');
    await target.insertOne({ k: 'old' });
    await target.createIndex({ k: 1 }, { unique: true });
    await source.aggregate([{ $match: { n: { $lte: 2 } } }, { $project: { _id: 0, k: 1 } }, { $out: 'out_target' }]).toArray();
    expect((await target.find().toArray()).map((doc) => doc.k).sort()).toEqual(['a', 'b']);
    await expect(source.aggregate([{ $project: { _id: 0, k: 1 } }, { $out: 'out_target' }]).toArray()).rejects.toMatchObject({ code: 11000 });
    expect((await target.find().toArray()).map((doc) => doc.k).sort()).toEqual(['a', 'b']);
  });

  it('$merge merges matches, inserts the rest, and needs a unique index on its on fields', async () => {
    const totals = db().collection('merge_totals');
    await totals.insertOne({ _id: 'a', total: 0, since: 2020 } as never);
    await db().collection('out_source').aggregate([
      { $group: { _id: '$k', total: { $sum: '$n' } } },
      { $merge: { into: 'merge_totals', whenMatched: 'merge', whenNotMatched: 'insert' } },
    ]).toArray();
    expect(await totals.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'a', total: 4, since: 2020 },
      { _id: 'b', total: 2 },
    ]);
    await expect(
      db().collection('out_source').aggregate([{ $merge: { into: 'merge_totals', on: 'k' } }]).toArray(),
    ).rejects.toMatchObject({ code: 51183 });
  });

  it('refuses $out anywhere but last', async () => {
    await expect(db().collection('out_source').aggregate([{ $out: 'x' }, { $match: {} }]).toArray()).rejects.toMatchObject({ code: 40601 });
  });
});
