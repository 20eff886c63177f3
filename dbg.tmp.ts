import { mkdtempSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import { startMongoLocal } from './tools/mongo-local';
for (const dir of [undefined, mkdtempSync('/tmp/ml-')]) {
  const s = await startMongoLocal({ port: 0, dataDir: dir });
  const client = new mongoose.mongo.MongoClient(s.uri);
  const events = client.db('bench').collection('events');
  let next = 0; const N = 20000; const lat: number[] = [];
  const payload = 'x'.repeat(400);
  const t = performance.now();
  await Promise.all(Array.from({ length: 8 }, async () => { for (let i = next++; i < N; i = next++) { const a = performance.now(); await events.insertOne({ i, createdAt: new Date(), payload }); lat.push(performance.now() - a); } }));
  console.log(dir ? 'journaled' : 'memory', Math.round(N / ((performance.now() - t) / 1000)), 'max', Math.max(...lat).toFixed(1));
  await client.close(); await s.stop();
}
console.log((globalThis as any).__stats);
