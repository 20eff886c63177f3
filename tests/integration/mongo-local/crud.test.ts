// Everyday reads and writes through mongoose, as the app issues them.
import mongoose, { Schema, model } from 'mongoose';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../setup/db';

useTestDatabase();

const Item = model(
  'Item',
  new Schema(
    {
      name: { type: String, required: true },
      rank: { type: Number, default: 0 },
      tags: { type: [String], default: [] },
      note: { type: String },
      visits: { type: Number },
      createdBy: { type: String },
    },
    { timestamps: true },
  ),
);

beforeEach(async () => {
  await Item.deleteMany({});
});

describe('CRUD', () => {
  it('creates, reads, updates and deletes a document', async () => {
    const created = await Item.create({ name: 'first', rank: 1 });
    const found = await Item.findById(created._id).lean();
    expect(found).toMatchObject({ name: 'first', rank: 1 });
    expect(found?.createdAt).toBeInstanceOf(Date);

    await Item.updateOne({ _id: created._id }, { name: 'renamed' });
    expect((await Item.findById(created._id).lean())?.name).toBe('renamed');

    const deleted = await Item.deleteOne({ _id: created._id });
    expect(deleted.deletedCount).toBe(1);
    expect(await Item.findById(created._id)).toBeNull();
  });

  it('saves changes made to a hydrated document', async () => {
    const doc = await Item.create({ name: 'doc' });
    doc.rank = 5;
    doc.tags.push('edited');
    await doc.save();
    expect(await Item.findById(doc._id).lean()).toMatchObject({ rank: 5, tags: ['edited'] });
  });

  it('counts an update that changes nothing as matched but not modified', async () => {
    await Item.insertMany([{ name: 'a', rank: 1 }, { name: 'b', rank: 1 }, { name: 'c', rank: 2 }]);
    // The raw collection: mongoose's timestamps would change updatedAt every time.
    const items = mongoose.connection.collection('items');
    const result = await items.updateMany({ rank: 1 }, { $set: { note: 'one' } });
    expect(result).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    const again = await items.updateMany({ rank: 1 }, { $set: { note: 'one' } });
    expect(again).toMatchObject({ matchedCount: 2, modifiedCount: 0 });
  });

  it('counts, filters with operators and lists distinct values', async () => {
    await Item.insertMany([
      { name: 'a', rank: 1, tags: ['x', 'y'] },
      { name: 'b', rank: 2, tags: ['y'] },
      { name: 'c', rank: 3, tags: [] },
    ]);
    expect(await Item.countDocuments({ rank: { $gte: 2 } })).toBe(2);
    expect(await Item.estimatedDocumentCount()).toBe(3);
    expect((await Item.distinct('tags')).sort()).toEqual(['x', 'y']);
    expect(await Item.find({ $or: [{ name: 'a' }, { tags: 'y', rank: { $gt: 1 } }] }).sort({ name: 1 }).distinct('name')).toEqual(['a', 'b']);
    expect(await Item.exists({ name: 'zzz' })).toBeNull();
  });

  it('projects only the selected fields', async () => {
    await Item.create({ name: 'p', rank: 9, note: 'secret' });
    const doc = await Item.findOne({ name: 'p' }).select({ name: 1 }).lean();
    expect(doc).toEqual({ _id: expect.anything(), name: 'p' });
  });

  it('keeps the stored field order, _id first, whatever order the projection names fields in', async () => {
    const items = Item.collection;
    await items.insertOne({ _id: new mongoose.Types.ObjectId(), name: 'o', rank: 2, note: 'n', visits: 3 });
    const keys = async (projection: Record<string, 0 | 1 | boolean>) => Object.keys((await items.findOne({ name: 'o' }, { projection }))!);
    expect(await keys({ visits: 1, name: 1 })).toEqual(['_id', 'name', 'visits']);
    expect(await keys({ visits: true, _id: 0, name: 1 })).toEqual(['name', 'visits']);
    expect(await keys({ rank: 0, _id: 0 })).toEqual(['name', 'note', 'visits']);
    expect(await keys({ _id: 1 })).toEqual(['_id']);
    expect(await keys({ _id: 0 })).toEqual(['name', 'rank', 'note', 'visits']);
    expect(await keys({ missing: 1 })).toEqual(['_id']);
    const updated = await items.findOneAndUpdate({ name: 'o' }, { $set: { rank: 5 } }, { projection: { visits: 1, name: 1 }, returnDocument: 'after' });
    expect(Object.keys(updated!)).toEqual(['_id', 'name', 'visits']);
    // Mixing inclusion and exclusion is refused, as mongod refuses it.
    await expect(items.findOne({ name: 'o' }, { projection: { name: 1, rank: 0 } })).rejects.toThrow();
  });
});

describe('sort, skip and limit', () => {
  it('sorts on several keys, then skips and limits', async () => {
    await Item.insertMany(
      [5, 3, 8, 1, 9, 2].map((rank, i) => ({ name: `n${i % 2}`, rank })),
    );
    const page = await Item.find().sort({ name: 1, rank: -1 }).skip(1).limit(3).lean();
    // n0: 9, 8, 5 then n1: 3, 2, 1 — skip one, take three.
    expect(page.map((d) => [d.name, d.rank])).toEqual([
      ['n0', 8],
      ['n0', 5],
      ['n1', 3],
    ]);
  });
});

describe('update operators', () => {
  it('applies $inc, $push, $set and $unset together', async () => {
    const doc = await Item.create({ name: 'ops', rank: 1, note: 'gone soon' });
    await Item.updateOne(
      { _id: doc._id },
      { $inc: { rank: 2 }, $push: { tags: { $each: ['a', 'b'] } }, $set: { name: 'ops2' }, $unset: { note: '' } },
    );
    const after = await Item.findById(doc._id).lean();
    expect(after).toMatchObject({ name: 'ops2', rank: 3, tags: ['a', 'b'] });
    expect(after).not.toHaveProperty('note');
  });

  it('updates matched array elements through arrayFilters', async () => {
    const doc = await Item.create({ name: 'arr', tags: ['old', 'keep', 'old'] });
    await Item.updateOne({ _id: doc._id }, { $set: { 'tags.$[t]': 'new' } }, { arrayFilters: [{ t: 'old' }] });
    expect((await Item.findById(doc._id).lean())?.tags).toEqual(['new', 'keep', 'new']);
  });

  it('returns the document before or after the update as asked', async () => {
    await Item.create({ name: 'fam', rank: 1 });
    const before = await Item.findOneAndUpdate({ name: 'fam' }, { $inc: { rank: 1 } }, { returnDocument: 'before' }).lean();
    const after = await Item.findOneAndUpdate({ name: 'fam' }, { $inc: { rank: 1 } }, { returnDocument: 'after' }).lean();
    expect([before?.rank, after?.rank]).toEqual([1, 3]);
    const removed = await Item.findOneAndDelete({ name: 'fam' }).lean();
    expect(removed?.rank).toBe(3);
    expect(await Item.countDocuments({ name: 'fam' })).toBe(0);
  });

  it('rejects an update that is not valid MongoDB', async () => {
    await Item.create({ name: 'bad' });
    const collection = mongoose.connection.collection('items');
    await expect(collection.updateOne({ name: 'bad' }, { $frobnicate: { rank: 1 } } as never)).rejects.toMatchObject({
      code: 9,
    });
  });
});

describe('upserts', () => {
  it('inserts from the filter and $setOnInsert when nothing matches, and only $set afterwards', async () => {
    const upsert = () =>
      Item.findOneAndUpdate(
        { name: 'u' },
        { $set: { note: 'set' }, $setOnInsert: { createdBy: 'first' }, $inc: { visits: 1 } },
        { upsert: true, returnDocument: 'after' },
      ).lean();
    const first = await upsert();
    expect(first).toMatchObject({ name: 'u', note: 'set', createdBy: 'first', visits: 1 });
    await Item.updateOne({ name: 'u' }, { $set: { createdBy: 'changed' } });
    const second = await upsert();
    expect(second).toMatchObject({ createdBy: 'changed', visits: 2 });
    expect(second?._id).toEqual(first?._id);
    expect(await Item.countDocuments({ name: 'u' })).toBe(1);
  });

  it('reports the upserted id from updateOne', async () => {
    const result = await Item.updateOne({ name: 'up1' }, { $set: { rank: 4 } }, { upsert: true });
    expect(result.upsertedCount).toBe(1);
    expect(await Item.findById(result.upsertedId).lean()).toMatchObject({ name: 'up1', rank: 4 });
  });

  it('upserts a replacement document', async () => {
    const collection = mongoose.connection.collection('items');
    await collection.replaceOne({ name: 'r' }, { name: 'r', rank: 7 }, { upsert: true });
    await collection.replaceOne({ name: 'r' }, { name: 'r', rank: 8 }, { upsert: true });
    expect(await collection.find({ name: 'r' }).toArray()).toMatchObject([{ name: 'r', rank: 8 }]);
  });
});

describe('cursors', () => {
  it('streams a result larger than one batch through getMore', async () => {
    await Item.insertMany(Array.from({ length: 250 }, (_, i) => ({ name: `c${i}`, rank: i })));
    const seen: number[] = [];
    for await (const doc of Item.find().sort({ rank: 1 }).batchSize(40).lean().cursor()) seen.push(doc.rank);
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => i));
    // The default first batch is 101 documents; the rest needs getMore too.
    expect(await Item.countDocuments()).toBe(250);
    expect((await Item.find().lean()).length).toBe(250);
  });

  it('kills a server cursor so that getMore on it fails with CursorNotFound', async () => {
    await Item.insertMany(Array.from({ length: 30 }, (_, i) => ({ name: `k${i}` })));
    const db = mongoose.connection.db!;
    const opened = await db.command({ find: 'items', batchSize: 5 });
    const id = opened.cursor.id;
    expect(opened.cursor.firstBatch).toHaveLength(5);
    const killed = await db.command({ killCursors: 'items', cursors: [id] });
    expect(killed.cursorsKilled).toHaveLength(1);
    await expect(db.command({ getMore: id, collection: 'items' })).rejects.toMatchObject({ code: 43 });
  });
});

describe('aggregation', () => {
  it('runs a pipeline with $match, $group and $sort', async () => {
    await Item.insertMany([
      { name: 'g1', rank: 1, tags: ['a'] },
      { name: 'g2', rank: 2, tags: ['a', 'b'] },
      { name: 'g3', rank: 3, tags: ['b'] },
    ]);
    const totals = await Item.aggregate<{ _id: string; total: number }>([
      { $unwind: '$tags' },
      { $group: { _id: '$tags', total: { $sum: '$rank' } } },
      { $sort: { _id: 1 } },
    ]);
    expect(totals).toEqual([
      { _id: 'a', total: 3 },
      { _id: 'b', total: 5 },
    ]);
  });
});

describe('commands', () => {
  it('fails an unknown command with code 59 CommandNotFound', async () => {
    await expect(mongoose.connection.db!.command({ nosuchcmd: 1 })).rejects.toMatchObject({
      code: 59,
      codeName: 'CommandNotFound',
    });
  });

  it('answers ping and lists the collections of the database', async () => {
    await expect(mongoose.connection.db!.command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
    const names = (await mongoose.connection.db!.listCollections().toArray()).map((c) => c.name);
    expect(names).toContain('items');
  });
});
