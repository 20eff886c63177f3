import { beforeAll, describe, expect, it } from 'vitest';
import { lastReconcileRun, nativeDb } from '@/lib/db';
import { type JobRunner, startJobRunner } from '@/lib/jobs';
import { scheduledReconcile } from '@/lib/tenants';
import { configureAppEnv } from '../../helpers/appEnv';
import { useClerkLocal } from '../../helpers/clerkLocal';
import { useTestDatabase } from '../../setup/db';

// Reconcile on a schedule (issue 14): run by the job library, one run at a
// time whatever the number of instances, its last result kept for the admin page.
const db = useTestDatabase();
const clerk = useClerkLocal({ delivery: { paused: true } });
beforeAll(() => configureAppEnv({ mongoUri: db.uri, clerkApiUrl: clerk.server.url, clerkSecretKey: clerk.server.secretKey }));

describe('scheduled jobs', () => {
  it('runs a recurring job on one instance at a time, however many runners share the database', async () => {
    let inFlight = 0;
    let overlaps = 0;
    let runs = 0;
    const definition = {
      name: 'shared-schedule',
      lockLifetimeMs: 10_000,
      everyMs: 200,
      run: async () => {
        inFlight += 1;
        if (inFlight > 1) overlaps += 1;
        runs += 1;
        await new Promise((r) => setTimeout(r, 300));
        inFlight -= 1;
      },
    };
    const mongo = await nativeDb();
    const runners: JobRunner[] = await Promise.all([1, 2, 3].map(() => startJobRunner({ db: mongo, definitions: [definition], pollMs: 100 })));
    await expect.poll(() => runs, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    await Promise.all(runners.map((r) => r.stop()));
    expect(overlaps).toBe(0);
  });

  it('records each scheduled reconcile run for the admin page', async () => {
    await clerk.sdk.organizations.createOrganization({ name: 'Unknown To Mongo', slug: 'unknown-to-mongo' });
    await scheduledReconcile(false);
    const run = await lastReconcileRun();
    expect(run).toMatchObject({ apply: false, fixed: 0, error: null });
    expect(run?.findings).toBeGreaterThan(0);
  });
});
