import { WebhookEvent } from './models/WebhookEvent';
import type { WebhookEventStatus } from './models/WebhookEvent';

const HOUR_MS = 60 * 60 * 1000;

/** Events received in one hour, by status (the event log's chart, issue 15). */
export type EventHour = { hour: Date; counts: Record<WebhookEventStatus, number> };

const emptyCounts = (): Record<WebhookEventStatus, number> => ({ processing: 0, processed: 0, ignored: 0, failed: 0 });

/**
 * Events received per hour over the last `hours` hours (oldest first, every
 * hour present, empty ones with zeros), by status: one aggregation — a
 * `$match` on createdAt (its index) and a `$group` by hour and status.
 */
export async function eventsPerHour(now: Date = new Date(), hours = 24): Promise<EventHour[]> {
  const end = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS;
  const since = new Date(end - hours * HOUR_MS);
  const rows = await WebhookEvent.aggregate<{ _id: { hour: Date; status: WebhookEventStatus }; count: number }>([
    { $match: { createdAt: { $gte: since } } },
    { $group: { _id: { hour: { $dateTrunc: { date: '$createdAt', unit: 'hour' } }, status: '$status' }, count: { $sum: 1 } } },
  ]);
  const buckets = Array.from({ length: hours }, (_, i): EventHour => ({ hour: new Date(since.getTime() + i * HOUR_MS), counts: emptyCounts() }));
  for (const row of rows) {
    const bucket = buckets[Math.floor((new Date(row._id.hour).getTime() - since.getTime()) / HOUR_MS)];
    if (bucket && row._id.status in bucket.counts) bucket.counts[row._id.status] += row.count;
  }
  return buckets;
}
