// The TTL monitor runs on its own, every ttlMonitorSleepSecs (here a tenth of
// a second instead of mongod's 60), and deletes what a TTL index says has
// expired, through a partial TTL index too.
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMongoLocal, type MongoLocal } from '../../../tools/mongo-local';
import { startChildServer } from './childServer';

let server: MongoLocal;
let connection: Connection;

beforeAll(async () => {
  server = await startMongoLocal({ port: 0, ttlMonitorSleepSecs: 0.1 });
  connection = await mongoose.createConnection(`${server.uri}ttl`).asPromise();
});

afterAll(async () => {
  await connection.close();
  await server.stop();
});

describe('the TTL monitor', () => {
  it('deletes expired documents of a TTL index and of a partial TTL index, and nothing else', async () => {
    const sessions = connection.db!.collection<{ _id: string; at: unknown; status?: string }>('sessions');
    await sessions.createIndex({ at: 1 }, { expireAfterSeconds: 0 });
    const log = connection.db!.collection<{ _id: string; createdAt: Date; status: string }>('log');
    await log.createIndex({ createdAt: 1 }, { expireAfterSeconds: 1, partialFilterExpression: { status: 'processed' } });
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    await sessions.insertMany([
      { _id: 'past', at: past },
      { _id: 'future', at: future },
      { _id: 'text', at: 'not a date' },
      { _id: 'array', at: [future, past] },
    ]);
    await log.insertMany([
      { _id: 'processed', createdAt: past, status: 'processed' },
      { _id: 'failed', createdAt: past, status: 'failed' },
    ]);
    await vi.waitFor(async () => {
      expect((await sessions.find().toArray()).map((doc) => doc._id).sort()).toEqual(['future', 'text']);
      expect((await log.find().toArray()).map((doc) => doc._id)).toEqual(['failed']);
    }, { timeout: 10_000, interval: 50 });
    expect((await sessions.listIndexes().toArray()).find((index) => index.name === 'at_1')).toMatchObject({ expireAfterSeconds: 0 });
  });

  it('refuses a TTL index on several fields and a negative expireAfterSeconds', async () => {
    const other = connection.db!.collection('other');
    await expect(other.createIndex({ a: 1, b: 1 }, { expireAfterSeconds: 5 })).rejects.toMatchObject({ code: 67 });
    await expect(other.createIndex({ a: 1 }, { expireAfterSeconds: -1 })).rejects.toMatchObject({ code: 67 });
  });
});

describe('the CLI', () => {
  it('takes the monitor interval from --ttl-monitor-sleep-secs', async () => {
    const child = await startChildServer(['--ttl-monitor-sleep-secs', '0.2']);
    const client = await mongoose.createConnection(`${child.uri}ttlcli`).asPromise();
    try {
      const tokens = client.db!.collection<{ _id: string; at: Date }>('tokens');
      await tokens.createIndex({ at: 1 }, { expireAfterSeconds: 0 });
      await tokens.insertOne({ _id: 'gone', at: new Date(Date.now() - 1000) });
      await vi.waitFor(async () => expect(await tokens.countDocuments()).toBe(0), { timeout: 10_000, interval: 50 });
    } finally {
      await client.close();
      await child.kill();
    }
  });
});
