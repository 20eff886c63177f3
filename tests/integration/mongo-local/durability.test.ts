// Acknowledged means durable: a mongo-local with a data directory is killed
// with SIGKILL at a random moment while several clients write as fast as they
// can; restarted on the same directory it has every write it acknowledged.
// (A write is in the journal file before its reply, so a killed process
// loses nothing; j: true also waits for fdatasync, against power loss.)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildServer, startChildServer } from './childServer';

const { MongoClient } = mongoose.mongo;
const WRITERS = 6;
const ROUNDS = 10;
const MIN_WRITES_PER_ROUND = 100;

type Acknowledged = { ids: string[]; counter: number; counterInFlight: boolean };

const dirs: string[] = [];
const servers: ChildServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.kill()));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

// Inserts (one per statement and in small batches) and a $inc on a counter;
// what the server acknowledged is noted, the rest is not.
async function writeUntilKilled(uri: string, round: number, ack: Acknowledged): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, retryWrites: false, retryReads: false });
  await client.connect();
  const events = client.db('durable').collection<{ _id: string; round: number }>('events');
  const counters = client.db('durable').collection<{ _id: string; n: number }>('counters');
  let stopped = false;
  const writer = async (w: number) => {
    for (let i = 0; !stopped; i += 1) {
      const id = `r${round}-w${w}-${i}`;
      try {
        if (i % 5 === 4) {
          const batch = [0, 1, 2].map((k) => ({ _id: `${id}-${k}`, round }));
          // Some batches ask for j: true: acknowledged only after fdatasync.
          await events.insertMany(batch, w % 2 === 0 ? { writeConcern: { j: true } } : {});
          ack.ids.push(...batch.map((doc) => doc._id));
        } else {
          await events.insertOne({ _id: id, round });
          ack.ids.push(id);
        }
      } catch {
        stopped = true;
      }
    }
  };
  const incrementer = async () => {
    while (!stopped) {
      ack.counterInFlight = true;
      try {
        await counters.updateOne({ _id: 'c' }, { $inc: { n: 1 } }, { upsert: true });
        ack.counter += 1;
        ack.counterInFlight = false;
      } catch {
        stopped = true;
      }
    }
  };
  await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), incrementer()]);
  await client.close(true).catch(() => undefined);
}

describe('mongo-local with a data directory', () => {
  it(`keeps every acknowledged write across a kill -9 at a random moment, ${ROUNDS} times in a row`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mongo-local-durable-'));
    dirs.push(dataDir);
    const ack: Acknowledged = { ids: [], counter: 0, counterInFlight: false };
    for (let round = 0; round < ROUNDS; round += 1) {
      const server = await startChildServer(['--data-dir', dataDir]);
      servers.push(server);
      const before = ack.ids.length;
      let ended = false;
      const writing = writeUntilKilled(server.uri, round, ack).finally(() => {
        ended = true;
      });
      // Killed mid-stream: once writes are flowing, after a random delay.
      while (!ended && ack.ids.length < before + MIN_WRITES_PER_ROUND) await new Promise((done) => setTimeout(done, 5));
      await new Promise((done) => setTimeout(done, Math.random() * 400));
      await server.kill();
      await writing;

      const restarted = await startChildServer(['--data-dir', dataDir]);
      servers.push(restarted);
      const client = new MongoClient(restarted.uri);
      try {
        const stored = new Set(
          (await client.db('durable').collection('events').find({}, { projection: { _id: 1 } }).toArray()).map((d) =>
            String(d._id),
          ),
        );
        const lost = ack.ids.filter((id) => !stored.has(id));
        expect({ round, lost: lost.slice(0, 5), lostCount: lost.length }).toEqual({ round, lost: [], lostCount: 0 });
        const counter = await client.db('durable').collection<{ _id: string; n: number }>('counters').findOne({ _id: 'c' });
        // The one $inc in flight at the kill may or may not have landed.
        expect(counter?.n ?? 0).toBeGreaterThanOrEqual(ack.counter);
        expect(counter?.n ?? 0).toBeLessThanOrEqual(ack.counter + (ack.counterInFlight ? 1 : 0));
        ack.counter = counter?.n ?? 0;
      } finally {
        await client.close();
      }
      await restarted.kill();
    }
    expect(ack.ids.length).toBeGreaterThanOrEqual(ROUNDS * MIN_WRITES_PER_ROUND);
  }, 180_000);
});
