// Inserts up to 70,000 documents, in memory and with --data-dir (journal +
// background snapshots), from several concurrent clients as an app's
// requests would: inserts/s per mode, and the longest single insert (the
// stall a snapshot or a disk flush would cause).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import { check, type Row, target } from '../report';
import { percentile } from '../stats';
import { startServer } from './server';

const DOCS = 70_000;
const WRITERS = 8;
const SCENARIO = 'inserts';

type Run = { rate: number; maxMs: number; p99Ms: number; stored: number };

async function insertAll(args: string[]): Promise<Run> {
  const server = await startServer(args);
  const client = new mongoose.mongo.MongoClient(server.uri);
  try {
    const events = client.db('bench').collection('events');
    await events.createIndex({ status: 1, createdAt: -1 });
    const latencies: number[] = [];
    let next = 0;
    const payload = 'x'.repeat(400);
    const writer = async () => {
      for (let i = next++; i < DOCS; i = next++) {
        const started = performance.now();
        await events.insertOne({ svixId: `msg_${i}`, type: 'user.created', status: i % 10 === 0 ? 'failed' : 'processed', createdAt: new Date(), payload });
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: WRITERS }, writer));
    const seconds = (performance.now() - started) / 1000;
    const stored = await events.countDocuments();
    return { rate: DOCS / seconds, maxMs: Math.max(...latencies), p99Ms: percentile(latencies, 99), stored };
  } finally {
    await client.close();
    await server.stop();
  }
}

async function restartedCount(dataDir: string): Promise<number> {
  const server = await startServer(['--data-dir', dataDir]);
  const client = new mongoose.mongo.MongoClient(server.uri);
  try {
    return await client.db('bench').collection('events').countDocuments();
  } finally {
    await client.close();
    await server.stop();
  }
}

export async function inserts(progress: (line: string) => void): Promise<Row[]> {
  progress(`in memory: ${DOCS} inserts from ${WRITERS} clients`);
  const memory = await insertAll([]);
  const dataDir = await mkdtemp(join(tmpdir(), 'mongo-local-bench-'));
  try {
    progress(`--data-dir: ${DOCS} inserts from ${WRITERS} clients`);
    const journaled = await insertAll(['--data-dir', dataDir]);
    const afterRestart = await restartedCount(dataDir);
    const ratio = journaled.rate / memory.rate;
    const fmt = (run: Run) => `${Math.round(run.rate)}/s (p99 ${run.p99Ms.toFixed(1)} ms, longest ${run.maxMs.toFixed(1)} ms)`;
    return [
      { scenario: SCENARIO, metric: `in memory, ${DOCS} docs`, measured: fmt(memory), target: '', verdict: 'INFO' },
      { scenario: SCENARIO, metric: `--data-dir (journaled), ${DOCS} docs`, measured: fmt(journaled), target: '', verdict: 'INFO' },
      { scenario: SCENARIO, metric: 'journaled / in memory', measured: `${(ratio * 100).toFixed(0)}%`, target: '≥ 50%', verdict: target(ratio >= 0.5) },
      {
        scenario: SCENARIO,
        metric: 'longest journaled insert (stall)',
        // The in-memory figure is the same machine's own noise (GC, other processes).
        measured: `${journaled.maxMs.toFixed(1)} ms (in memory: ${memory.maxMs.toFixed(1)} ms)`,
        target: '≤ 50 ms',
        verdict: target(journaled.maxMs <= 50),
      },
      {
        scenario: SCENARIO,
        metric: 'every insert stored, and there after a restart',
        measured: `${memory.stored} / ${journaled.stored} / ${afterRestart} of ${DOCS}`,
        target: 'all',
        verdict: check(memory.stored === DOCS && journaled.stored === DOCS && afterRestart === DOCS),
      },
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
