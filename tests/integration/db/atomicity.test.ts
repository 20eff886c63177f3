// findAndModify with upsert + $inc is atomic: concurrent callers never see
// the same value (DESIGN.md §3 provisioning rule 2 depends on it).
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { Counter, nextSequence } from '@/lib/db';
import { useTestDatabase } from '../../setup/db';

const db = useTestDatabase();

describe('findOneAndUpdate with $inc', () => {
  it('gives 200 concurrent callers 200 distinct numbers, starting from an absent counter', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        Counter.findOneAndUpdate({ _id: 'concurrent' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after', lean: true }),
      ),
    );
    const numbers = results.map((counter) => counter?.seq);
    expect(new Set(numbers).size).toBe(200);
    expect([...numbers].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(await Counter.countDocuments({ _id: 'concurrent' })).toBe(1);
  });

  it('stays atomic across separate connections (separate clients and sockets)', async () => {
    const connections = await Promise.all([1, 2, 3].map(() => mongoose.createConnection(db.uri).asPromise()));
    try {
      const results = await Promise.all(
        Array.from({ length: 90 }, (_, i) =>
          (connections[i % 3] ?? mongoose.connection)
            .collection<{ _id: string; seq: number }>('counters')
            .findOneAndUpdate({ _id: 'shared' }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }),
        ),
      );
      expect(new Set(results.map((doc) => doc?.seq)).size).toBe(90);
    } finally {
      await Promise.all(connections.map((connection) => connection.close()));
    }
  });
});

describe('nextSequence', () => {
  it('numbers a sequence 1, 2, 3 … with no gaps or repeats under concurrency', async () => {
    const numbers = await Promise.all(Array.from({ length: 50 }, () => nextSequence('test-org')));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await nextSequence('test-org')).toBe(51);
    expect(await nextSequence('another')).toBe(1);
  });
});
