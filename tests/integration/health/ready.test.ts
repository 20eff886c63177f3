import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as ready } from '@/app/api/ready/route';
import { disconnectDb } from '@/lib/db';
import { checkReadiness } from '@/lib/health';
import { type MongoLocal, startMongoLocal } from '../../../tools/mongo-local';
import { configureAppEnv } from '../../helpers/appEnv';
import { useClerkLocal } from '../../helpers/clerkLocal';

// /api/health and /api/ready (DESIGN.md §7) against a mongo-local of this
// file's own, so it can be stopped and started again without touching the
// suite's shared server.
const clerk = useClerkLocal();
const dataDir = mkdtempSync(join(tmpdir(), 'tenantry-ready-'));
let mongo: MongoLocal;

beforeAll(async () => {
  mongo = await startMongoLocal({ port: 0, dataDir });
  configureAppEnv({ mongoUri: `${mongo.uri}ready`, clerkApiUrl: clerk.server.url, clerkSecretKey: clerk.server.secretKey });
});
afterAll(async () => {
  await disconnectDb();
  await mongo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/health', () => {
  it('answers 200 with no dependency at all', async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /api/ready', () => {
  it('answers 200 with each dependency and its latency, and no secrets', async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ready: boolean; checks: Record<string, { ok: boolean; latencyMs: number }> };
    expect(body.ready).toBe(true);
    expect(body.checks.mongodb).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
    expect(body.checks.clerk).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
    const text = JSON.stringify(body);
    expect(text).not.toContain(clerk.server.secretKey);
    expect(text).not.toContain(mongo.uri);
  });

  it('names MongoDB when it is down (503), and is ready again once it is back', async () => {
    const { port } = new URL(mongo.uri.replace('mongodb://', 'http://'));
    await mongo.stop();
    const down = await checkReadiness({ maxAgeMs: 0 });
    expect(down.ready).toBe(false);
    expect(down.checks.mongodb).toMatchObject({ ok: false });
    expect(down.checks.clerk).toMatchObject({ ok: true });
    expect(JSON.stringify(down)).not.toContain(mongo.uri);
    // The route answers 503 for it (the cached result of the check above).
    expect((await ready()).status).toBe(503);

    mongo = await startMongoLocal({ port: Number(port), dataDir });
    await expect.poll(async () => (await checkReadiness({ maxAgeMs: 0 })).ready, { timeout: 20_000, interval: 250 }).toBe(true);
  }, 40_000);

  it('names Clerk when its Backend API fails', async () => {
    clerk.server.faults.set({ rate5xx: 1, status5xx: 503 });
    try {
      const result = await checkReadiness({ maxAgeMs: 0 });
      expect(result).toMatchObject({ ready: false, checks: { clerk: { ok: false }, mongodb: { ok: true } } });
    } finally {
      clerk.server.faults.reset();
    }
  });
});
