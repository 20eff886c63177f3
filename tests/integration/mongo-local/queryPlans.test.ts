// Secondary indexes serve queries: explain names the index (IXSCAN) or says
// COLLSCAN, and whatever the plan, the answer is the one a full scan gives.
import mongoose, { type mongo } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../setup/db';

useTestDatabase();

type Event = { _id: number; status: string; n: number; createdAt: Date; tags: string[]; note?: string | null; kind?: string };
type Document = mongo.Document;
let events: mongo.Collection<Event>;

const STATUSES = ['pending', 'failed', 'done', 'ignored'];

beforeAll(async () => {
  events = mongoose.connection.db!.collection<Event>('plans');
  const docs: Event[] = Array.from({ length: 400 }, (_, i) => ({
    _id: i,
    status: STATUSES[(i * 7) % 4]!,
    n: (i * 37) % 50,
    createdAt: new Date(Date.UTC(2026, 0, 1) + ((i * 13) % 97) * 3_600_000),
    tags: i % 5 === 0 ? [] : [`t${i % 3}`, `t${(i + 1) % 3}`],
    ...(i % 4 === 0 ? {} : { note: i % 4 === 1 ? null : `note ${i % 6}` }),
    ...(i % 2 === 0 ? { kind: 'even' } : {}),
  }));
  await events.insertMany(docs);
  await events.createIndex({ status: 1, createdAt: -1 });
  await events.createIndex({ n: 1 });
  await events.createIndex({ tags: 1 });
  await events.createIndex({ note: 1 }, { sparse: true });
  await events.createIndex({ createdAt: 1 }, { partialFilterExpression: { kind: 'even' }, name: 'even_createdAt' });
});

type Winning = { stage: string; inputStage?: Winning; indexName?: string; direction?: string };

async function plan(explained: Promise<Document>): Promise<{ stages: string[]; index?: string; direction?: string }> {
  const result = await explained;
  const stages: string[] = [];
  let stage = result.queryPlanner.winningPlan as Winning | undefined;
  let index: string | undefined;
  let direction: string | undefined;
  while (stage) {
    stages.push(stage.stage);
    index ??= stage.indexName;
    direction ??= stage.direction;
    stage = stage.inputStage;
  }
  return { stages, index, direction: index ? direction : undefined };
}

const ids = (docs: Array<{ _id: number }>) => docs.map((doc) => doc._id);

describe('a find on an indexed field', () => {
  it.each([
    ['equality', { n: 7 }, 'n_1'],
    ['$in', { n: { $in: [3, 9, 40] } }, 'n_1'],
    ['a range', { n: { $gte: 10, $lt: 20 } }, 'n_1'],
    ['an exclusive range', { n: { $gt: 48 } }, 'n_1'],
    ['the leading field of a compound index', { status: 'failed' }, 'status_1_createdAt_-1'],
    ['equality then a range on a compound index', { status: 'done', createdAt: { $lt: new Date(Date.UTC(2026, 0, 2)) } }, 'status_1_createdAt_-1'],
    ['an element of an array (multikey)', { tags: 't1' }, 'tags_1'],
    ['a value of a sparse index', { note: 'note 3' }, 'note_1'],
    ['the filter of a partial index', { kind: 'even', createdAt: { $gte: new Date(Date.UTC(2026, 0, 3)) } }, 'even_createdAt'],
  ])('uses the index for %s and returns what a full scan returns', async (_, filter, index) => {
    expect(await plan(events.find(filter).explain())).toMatchObject({ stages: ['FETCH', 'IXSCAN'], index });
    const viaIndex = await events.find(filter).sort({ _id: 1 }).toArray();
    const viaScan = await events.find(filter).sort({ _id: 1 }).hint({ $natural: 1 }).toArray();
    expect(ids(viaIndex)).toEqual(ids(viaScan));
    expect(viaIndex.length).toBeGreaterThan(0);
  });

  it('scans the collection for a field without an index', async () => {
    expect(await plan(events.find({ kind: 'even' }).explain())).toEqual({ stages: ['COLLSCAN'], index: undefined, direction: undefined });
  });

  it('does not use a sparse index for null, which also matches missing fields', async () => {
    expect((await plan(events.find({ note: null }).explain())).stages).toEqual(['COLLSCAN']);
    expect(await events.countDocuments({ note: null })).toBe(200);
  });

  it('does not use a partial index when the filter does not imply its expression', async () => {
    expect((await plan(events.find({ createdAt: { $gte: new Date(0) } }).explain())).stages).toEqual(['COLLSCAN']);
  });

  it('returns the documents in index order when the index provides the sort, forwards and backwards', async () => {
    const filter = { status: 'pending' };
    for (const direction of [1, -1] as const) {
      const sort = { createdAt: direction, _id: 1 } as const;
      const served = await plan(events.find(filter).sort({ createdAt: direction }).explain());
      expect(served).toMatchObject({ stages: ['FETCH', 'IXSCAN'], direction: direction === 1 ? 'backward' : 'forward' });
      const viaIndex = await events.find(filter).sort({ createdAt: direction }).toArray();
      const viaScan = await events.find(filter).sort(sort).hint({ $natural: 1 }).toArray();
      expect(viaIndex.map((d) => d.createdAt.getTime())).toEqual(viaScan.map((d) => d.createdAt.getTime()));
    }
  });

  it('sorts in memory when the index does not give the order', async () => {
    expect((await plan(events.find({ n: { $gt: 3 } }).sort({ createdAt: 1 }).explain())).stages).toEqual(['SORT', 'FETCH', 'IXSCAN']);
    const docs = await events.find({ n: { $gt: 3 } }).sort({ createdAt: 1, _id: 1 }).limit(5).toArray();
    const scan = await events.find({ n: { $gt: 3 } }).sort({ createdAt: 1, _id: 1 }).hint({ $natural: 1 }).limit(5).toArray();
    expect(ids(docs)).toEqual(ids(scan));
  });

  it('finds the first documents of an index-ordered scan with skip and limit', async () => {
    const page = await events.find({ n: { $gte: 0 } }).sort({ n: 1 }).skip(10).limit(5).toArray();
    const scan = await events.find({ n: { $gte: 0 } }).sort({ n: 1, _id: 1 }).hint({ $natural: 1 }).toArray();
    expect(page.map((d) => d.n)).toEqual(scan.slice(10, 15).map((d) => d.n));
  });
});

describe('other reads and writes', () => {
  it('use the index for count, distinct, update, delete and findAndModify', async () => {
    const db = mongoose.connection.db!;
    const explainOf = (command: Document) => plan(db.command({ explain: command, verbosity: 'queryPlanner' }));
    const index = { index: 'n_1', stages: expect.arrayContaining(['IXSCAN']) };
    expect(await explainOf({ count: 'plans', query: { n: 5 } })).toMatchObject(index);
    expect(await explainOf({ distinct: 'plans', key: 'status', query: { n: 5 } })).toMatchObject(index);
    expect(await explainOf({ update: 'plans', updates: [{ q: { n: 5 }, u: { $set: { seen: true } } }] })).toMatchObject(index);
    expect(await explainOf({ delete: 'plans', deletes: [{ q: { n: 5 }, limit: 1 }] })).toMatchObject(index);
    expect(await explainOf({ findAndModify: 'plans', query: { n: 5 }, update: { $set: { seen: true } } })).toMatchObject(index);
  });

  it('use the index for a leading $match and $sort of an aggregation', async () => {
    const explained = await events.aggregate([{ $match: { status: 'failed' } }, { $sort: { createdAt: -1 } }, { $group: { _id: '$n' } }]).explain();
    const cursor = (explained.stages as Document[])[0]!.$cursor as Document;
    expect(await plan(Promise.resolve(cursor))).toMatchObject({ stages: ['FETCH', 'IXSCAN'], index: 'status_1_createdAt_-1' });
    const grouped = await events.aggregate([{ $match: { status: 'failed' } }, { $group: { _id: null, count: { $sum: 1 } } }]).toArray();
    expect(grouped[0]?.count).toBe(await events.countDocuments({ status: 'failed' }, { hint: { $natural: 1 } }));
  });

  it('keep the index in step with updates and deletes', async () => {
    const scratch = mongoose.connection.db!.collection<{ _id: number; k: number }>('plans_scratch');
    await scratch.createIndex({ k: 1 });
    await scratch.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: i, k: i % 5 })));
    await scratch.updateMany({ k: 1 }, { $set: { k: 9 } });
    await scratch.deleteMany({ k: 2 });
    await scratch.findOneAndUpdate({ k: 3 }, { $inc: { k: 10 } });
    for (const k of [0, 1, 2, 3, 4, 9, 13]) {
      const viaIndex = await scratch.find({ k }).sort({ _id: 1 }).toArray();
      const viaScan = await scratch.find({ k }).sort({ _id: 1 }).hint({ $natural: 1 }).toArray();
      expect(ids(viaIndex)).toEqual(ids(viaScan));
    }
    expect(await scratch.countDocuments({ k: 1 })).toBe(0);
    expect(await scratch.countDocuments({ k: 13 })).toBe(1);
  });

  it('refuses a hint naming no index', async () => {
    await expect(events.find({ n: 1 }).hint('nope_1').toArray()).rejects.toMatchObject({ code: 2 });
  });
});
