// The event log's chart data (issue 15): one aggregation on mongo-local,
// through the real lib/db function, per hour and status over 24 hours.
import { describe, expect, it } from 'vitest';
import { eventsPerHour, WebhookEvent } from '@/lib/db';
import { useOwnMongoLocal } from '../../helpers/ownMongoLocal';

const HOUR_MS = 60 * 60 * 1000;
useOwnMongoLocal('eventstats');

describe('eventsPerHour', () => {
  it('counts the last 24 hours by hour and status, with empty hours as zeros and older events left out', async () => {
    const now = new Date('2026-11-26T10:20:00Z');
    const at = (hoursAgo: number, minute = 5) => new Date(Date.UTC(2026, 10, 26, 10 - hoursAgo, minute));
    let n = 0;
    const event = (createdAt: Date, status: string) => ({ svixId: `msg_${n++}`, type: 'user.created', status, attempts: 1, createdAt, updatedAt: createdAt });
    await WebhookEvent.collection.insertMany([
      event(at(0), 'processed'),
      event(at(0, 19), 'processed'),
      event(at(0), 'failed'),
      event(at(3), 'ignored'),
      event(at(3, 59), 'processing'),
      event(at(23), 'failed'),
      event(at(24), 'processed'), // 24 hours ago: outside the window
    ]);

    const hours = await eventsPerHour(now);

    expect(hours).toHaveLength(24);
    expect(hours[23]!.hour.toISOString()).toBe('2026-11-26T10:00:00.000Z');
    expect(hours[0]!.hour.toISOString()).toBe('2026-11-25T11:00:00.000Z');
    expect(hours[23]!.counts).toEqual({ processing: 0, processed: 2, ignored: 0, failed: 1 });
    expect(hours[20]!.counts).toEqual({ processing: 1, processed: 0, ignored: 1, failed: 0 });
    expect(hours[0]!.counts).toEqual({ processing: 0, processed: 0, ignored: 0, failed: 1 });
    const total = hours.reduce((sum, h) => sum + Object.values(h.counts).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(6);
    expect(new Date(hours[1]!.hour).getTime() - new Date(hours[0]!.hour).getTime()).toBe(HOUR_MS);
  });
});
