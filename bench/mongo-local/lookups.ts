// findOne by a non-unique indexed field (two documents per value, values
// picked at random) at 1,000 and at 50,000 documents: with the index used
// the rate barely moves; a full scan would fall with the collection's size.
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import { check, type Row, target } from '../report';
import { startServer } from './server';

const SCENARIO = 'findOne';
const LOOKUPS = 3_000;

async function rateAt(size: number): Promise<{ rate: number; stage: string; found: number }> {
  const server = await startServer();
  const client = new mongoose.mongo.MongoClient(server.uri);
  try {
    const people = client.db('bench').collection<{ email: string; n: number }>('people');
    await people.createIndex({ email: 1 });
    for (let at = 0; at < size; at += 5_000) {
      const batch = Array.from({ length: Math.min(5_000, size - at) }, (_, k) => ({ email: `user${(at + k) % (size / 2)}@x.io`, n: at + k }));
      await people.insertMany(batch);
    }
    const explained = await people.find({ email: 'user1@x.io' }).limit(1).explain();
    const stage = JSON.stringify(explained.queryPlanner.winningPlan).includes('"IXSCAN"') ? 'IXSCAN' : 'COLLSCAN';
    let found = 0;
    const started = performance.now();
    for (let i = 0; i < LOOKUPS; i += 1) {
      const value = Math.floor(Math.random() * (size / 2));
      if (await people.findOne({ email: `user${value}@x.io` })) found += 1;
    }
    return { rate: LOOKUPS / ((performance.now() - started) / 1000), stage, found };
  } finally {
    await client.close();
    await server.stop();
  }
}

export async function lookups(progress: (line: string) => void): Promise<Row[]> {
  progress('findOne at 1,000 documents');
  const small = await rateAt(1_000);
  progress('findOne at 50,000 documents');
  const large = await rateAt(50_000);
  const slowdown = small.rate / large.rate;
  return [
    { scenario: SCENARIO, metric: 'by a non-unique indexed field, 1k docs', measured: `${Math.round(small.rate)}/s`, target: '', verdict: 'INFO' },
    { scenario: SCENARIO, metric: 'by a non-unique indexed field, 50k docs', measured: `${Math.round(large.rate)}/s`, target: '', verdict: 'INFO' },
    { scenario: SCENARIO, metric: 'slowdown from 1k to 50k docs', measured: `${slowdown.toFixed(2)}×`, target: '≤ 2×', verdict: target(slowdown <= 2) },
    { scenario: SCENARIO, metric: 'explain at 1k / 50k', measured: `${small.stage} / ${large.stage}`, target: 'IXSCAN', verdict: check(small.stage === 'IXSCAN' && large.stage === 'IXSCAN') },
    { scenario: SCENARIO, metric: 'every value found', measured: `${small.found + large.found} of ${2 * LOOKUPS}`, target: 'all', verdict: check(small.found + large.found === 2 * LOOKUPS) },
  ];
}
