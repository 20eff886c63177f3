import mongoose from 'mongoose';
import { WebhookEvent, type WebhookEventRecord, type WebhookEventStatus } from './models/WebhookEvent';

// The webhook event log (DESIGN.md §3): one document per Svix message id.

export type Claim = 'claimed' | 'duplicate' | 'in-flight';

const LEASE_MS = 60_000;

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
): Promise<Claim> {
  const existing = await WebhookEvent.findOne({ svixId }, { status: 1, leaseUntil: 1 }).lean<WebhookEventRecord>();
  if (existing && existing.status !== 'processing') return 'duplicate';
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  if (!existing) {
    try {
      await WebhookEvent.create({ svixId, ...fields, status: 'processing', attempts: 1, leaseUntil });
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

export async function settleEvent(svixId: string, status: 'processed' | 'ignored'): Promise<void> {
  await WebhookEvent.updateOne({ svixId }, { $set: { status, leaseUntil: null } });
}

/** A transient failure: the event stays `processing` with its lease released, for Svix's retry. */
export async function releaseEvent(svixId: string, error: string): Promise<void> {
  await WebhookEvent.updateOne({ svixId }, { $set: { lastError: error, leaseUntil: null } });
}

/** A permanent failure: recorded as failed, shown to platform admins for replay. */
export async function failEvent(svixId: string, error: string): Promise<void> {
  await WebhookEvent.updateOne({ svixId }, { $set: { status: 'failed', lastError: error, leaseUntil: null } });
}

export async function findEvent(svixId: string): Promise<WebhookEventRecord | null> {
  return WebhookEvent.findOne({ svixId }).lean<WebhookEventRecord>();
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
