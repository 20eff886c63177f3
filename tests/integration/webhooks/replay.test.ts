import { beforeAll, describe, expect, it } from 'vitest';
import { Organization, WebhookEvent } from '@/lib/db';
import { replayEvent } from '@/lib/webhooks';
import { configureAppEnv } from '../../helpers/appEnv';
import { latestPayload, useClerkLocal } from '../../helpers/clerkLocal';
import { deliver } from '../../helpers/webhooks';
import { useTestDatabase } from '../../setup/db';

// A platform admin replays a failed event (DESIGN.md §1): same handler, once.
const db = useTestDatabase();
const clerk = useClerkLocal({ delivery: { paused: true } });
beforeAll(() => configureAppEnv({ mongoUri: db.uri, clerkApiUrl: clerk.server.url, clerkSecretKey: clerk.server.secretKey }));

describe('replayEvent', () => {
  it('runs a failed event again once its cause is gone, and settles it', async () => {
    const user = await clerk.sdk.users.createUser({ emailAddress: ['replay@example.com'] });
    // As an earlier version of the app left it: failed, with the fields its handler reads.
    await WebhookEvent.create({
      svixId: 'msg_failed_earlier',
      type: 'user.created',
      objectId: user.id,
      status: 'failed',
      attempts: 1,
      lastError: 'Error: a bug since fixed',
      payload: { id: user.id },
    });
    const result = await replayEvent('msg_failed_earlier');
    expect(result).toMatchObject({ status: 'replayed', delivery: { status: 200, body: { status: 'processed' } } });
    expect(await WebhookEvent.findOne({ svixId: 'msg_failed_earlier' }).lean()).toMatchObject({ status: 'processed', attempts: 2 });
    expect(await Organization.findOne({ ownerUserId: user.id }).lean()).toMatchObject({ status: 'active', isTestOrg: true });
  });

  it('records a replay that fails again as failed, with the new error', async () => {
    const user = await clerk.sdk.users.createUser({ emailAddress: ['gone@example.com'] });
    await clerk.sdk.users.deleteUser(user.id);
    const { svixId } = await deliver(latestPayload(clerk.server, 'user.created', user.id));
    expect(await WebhookEvent.findOne({ svixId }).lean()).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await replayEvent(svixId)).status).toBe('replayed');
    const after = await WebhookEvent.findOne({ svixId }).lean();
    expect(after).toMatchObject({ status: 'failed', attempts: 2 });
    expect(after?.lastError).toMatch(/UnknownUserError/);
  });

  it('does nothing for an event that did not fail', async () => {
    const user = await clerk.sdk.users.createUser({ emailAddress: ['fine@example.com'] });
    const { svixId } = await deliver(latestPayload(clerk.server, 'user.created', user.id));
    const calls = clerk.server.requests.count({ path: '/v1/*' });
    expect(await replayEvent(svixId)).toEqual({ status: 'not-replayable' });
    expect(await replayEvent('msg_unknown')).toEqual({ status: 'not-replayable' });
    expect(await WebhookEvent.findOne({ svixId }).lean()).toMatchObject({ status: 'processed', attempts: 1 });
    expect(clerk.server.requests.count({ path: '/v1/*' })).toBe(calls);
  });

  it('replays an event stuck in processing past its lease, but not one whose lease is still running', async () => {
    const user = await clerk.sdk.users.createUser({ emailAddress: ['stuck@example.com'] });
    const stuck = { type: 'user.created', objectId: user.id, status: 'processing' as const, attempts: 1, payload: { id: user.id } };
    await WebhookEvent.create({ ...stuck, svixId: 'msg_stuck', leaseUntil: new Date(Date.now() - 1_000) });
    await WebhookEvent.create({ ...stuck, svixId: 'msg_in_flight', leaseUntil: new Date(Date.now() + 60_000) });
    expect(await replayEvent('msg_in_flight')).toEqual({ status: 'not-replayable' });
    expect(await replayEvent('msg_stuck')).toMatchObject({ status: 'replayed', delivery: { body: { status: 'processed' } } });
    expect(await WebhookEvent.findOne({ svixId: 'msg_stuck' }).lean()).toMatchObject({ status: 'processed', attempts: 2 });
  });
});
