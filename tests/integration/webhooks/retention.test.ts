// DESIGN.md §7 retention, end to end on mongo-local: the event log's own TTL
// index (lib/db) and mongo-local's TTL monitor (here sweeping every 0.1 s
// instead of mongod's 60 s) remove a settled event once its retention has
// passed, and keep a newer settled event and a failed one still inside its
// longer retention. Its own mongo-local, so the sweep can be fast.
import { describe, expect, it, vi } from 'vitest';
import { claimEvent, DEFAULT_RETENTION, failEvent, settleEvent, WebhookEvent } from '@/lib/db';
import { useOwnMongoLocal } from '../../helpers/ownMongoLocal';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
/** The event as stored, or null once the TTL monitor removed it. */
const findEvent = (svixId: string) => WebhookEvent.findOne({ svixId }).lean();
const fields = { type: 'user.created', objectId: 'user_x', payload: {} };

useOwnMongoLocal('retention', { ttlMonitorSleepSecs: 0.1 });

describe('webhook event retention', () => {
  it('removes a settled event past its 30 days and keeps a recent one and a failed one within its 90 days', async () => {
    // Settled 31 days ago: its 30 days are over.
    await claimEvent('msg_old_settled', fields, daysAgo(31));
    await settleEvent('msg_old_settled', 'processed', DEFAULT_RETENTION, daysAgo(31));
    // Settled today.
    await claimEvent('msg_new_settled', fields);
    await settleEvent('msg_new_settled', 'ignored');
    // Failed 31 days ago: kept for 90.
    await claimEvent('msg_old_failed', fields, daysAgo(31));
    await failEvent('msg_old_failed', 'boom', DEFAULT_RETENTION, daysAgo(31));

    // A sentinel written last, expired too: once it is gone, a sweep has run
    // over everything above.
    await claimEvent('msg_sentinel', fields, daysAgo(31));
    await settleEvent('msg_sentinel', 'processed', DEFAULT_RETENTION, daysAgo(31));
    await vi.waitFor(async () => expect(await findEvent('msg_sentinel')).toBeNull(), { timeout: 5_000, interval: 100 });

    expect(await findEvent('msg_old_settled')).toBeNull();
    expect((await findEvent('msg_new_settled'))?.status).toBe('ignored');
    expect((await findEvent('msg_old_failed'))?.status).toBe('failed');
  });
});
