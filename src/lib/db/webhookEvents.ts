import mongoose from 'mongoose';
import { WebhookEvent, type WebhookEventRecord, type WebhookEventStatus } from './models/WebhookEvent';

// The webhook event log (DESIGN.md §3): one document per Svix message id.

export type Claim = 'claimed' | 'duplicate' | 'in-flight';

/**
 * How long a claim holds without renewal. Shorter than Svix's first retry
 * (5 s after a failed attempt, and far below its 15 s response limit): an
 * attempt cut off by a database outage cannot release its claim, and the
 * retry must not be turned away. A running handler renews it (lib/webhooks).
 */
export const LEASE_MS = 4_000;

/** How long events stay in the log (DESIGN.md §7): settled ones, and failed ones awaiting replay. */
export type Retention = { settledDays: number; failedDays: number };
export const DEFAULT_RETENTION: Retention = { settledDays: 30, failedDays: 90 };

const DAY_MS = 24 * 60 * 60 * 1000;
const after = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS);

/**
 * Decides who handles a delivery. An event already settled (processed,
 * ignored, failed) is a duplicate: one indexed look-up. A new event is
 * inserted with a lease; the unique index makes concurrent deliveries of
 * the same message race for it, and only one wins. An event whose lease
 * lapsed (a crash or a transient failure) is taken over by the retry.
 */
export async function claimEvent(
  svixId: string,
  fields: { type: string; objectId: string | null; payload: unknown },
  now: Date = new Date(),
  retention: Retention = DEFAULT_RETENTION,
): Promise<Claim> {
  const existing = await WebhookEvent.findOne({ svixId }, { status: 1, leaseUntil: 1 }).lean<WebhookEventRecord>();
  if (existing && existing.status !== 'processing') return 'duplicate';
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  if (!existing) {
    try {
      // An event Svix stops retrying stays `processing`; it expires like a failed one.
      const expiresAt = after(now, retention.failedDays);
      await WebhookEvent.create({ svixId, ...fields, status: 'processing', attempts: 1, leaseUntil, expiresAt });
      return 'claimed';
    } catch (error) {
      if (error instanceof mongoose.mongo.MongoServerError && error.code === 11000) return 'in-flight';
      throw error;
    }
  }
  const taken = await WebhookEvent.findOneAndUpdate(
    { svixId, status: 'processing', $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
    { $set: { leaseUntil }, $inc: { attempts: 1 } },
    { returnDocument: 'after', projection: { _id: 1 } },
  ).lean();
  return taken ? 'claimed' : 'in-flight';
}

/** Settled: kept for the retention period (longer than Svix's retry schedule), then removed by the TTL index. */
export async function settleEvent(
  svixId: string,
  status: 'processed' | 'ignored',
  retention: Retention = DEFAULT_RETENTION,
  now: Date = new Date(),
): Promise<void> {
  await WebhookEvent.updateOne({ svixId }, { $set: { status, leaseUntil: null, expiresAt: after(now, retention.settledDays) } });
}

/** A running handler keeps its claim. */
export async function renewLease(svixId: string, now: Date = new Date()): Promise<void> {
  await WebhookEvent.updateOne({ svixId, status: 'processing' }, { $set: { leaseUntil: new Date(now.getTime() + LEASE_MS) } });
}

/** A transient failure: the event stays `processing` with its lease released, for Svix's retry. */
export async function releaseEvent(svixId: string, error: string): Promise<void> {
  await WebhookEvent.updateOne({ svixId }, { $set: { lastError: error, leaseUntil: null } });
}

/** A permanent failure: recorded as failed, shown to platform admins for replay (kept `failedDays`). */
export async function failEvent(
  svixId: string,
  error: string,
  retention: Retention = DEFAULT_RETENTION,
  now: Date = new Date(),
): Promise<void> {
  await WebhookEvent.updateOne(
    { svixId },
    { $set: { status: 'failed', lastError: error, leaseUntil: null, expiresAt: after(now, retention.failedDays) } },
  );
}

/**
 * Takes a failed event back for a replay — or one stuck in `processing` past
 * its lease (its deliveries stopped) — null if it is neither (any more).
 */
export async function reopenEvent(svixId: string, now: Date = new Date()): Promise<WebhookEventRecord | null> {
  return WebhookEvent.findOneAndUpdate(
    { svixId, $or: [{ status: 'failed' }, { status: 'processing', ...stuckLease(now) }] },
    { $set: { status: 'processing', leaseUntil: new Date(now.getTime() + LEASE_MS) }, $inc: { attempts: 1 } },
    { returnDocument: 'after' },
  ).lean<WebhookEventRecord>();
}

function stuckLease(now: Date) {
  return { $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] };
}

export type EventFilter = { status?: WebhookEventStatus | 'stuck'; type?: string };

function eventQuery({ status, type }: EventFilter, now: Date): Record<string, unknown> {
  const query: Record<string, unknown> = status === 'stuck' ? { status: 'processing', ...stuckLease(now) } : status ? { status } : {};
  if (type) query.type = type;
  return query;
}

/** The newest events first, filtered by status (or stuck) and type, a page at a time (the platform admin's event log). */
export async function listEvents(
  { limit = 50, offset = 0, ...filter }: EventFilter & { limit?: number; offset?: number } = {},
  now: Date = new Date(),
): Promise<WebhookEventRecord[]> {
  return WebhookEvent.find(eventQuery(filter, now), { payload: 0 })
    .sort({ createdAt: -1 })
    .skip(offset)
    .limit(limit)
    .lean<WebhookEventRecord[]>();
}

export function countEvents(filter: EventFilter = {}, now: Date = new Date()): Promise<number> {
  return WebhookEvent.countDocuments(eventQuery(filter, now));
}
