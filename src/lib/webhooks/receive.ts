import { z } from 'zod';
import { envelopeSchema, isHandled, type ParsedEvent, parseHandled, storedFields } from './events';
import type { SettledIds } from './settledIds';
import { type Verified, WebhookRejectedError } from './verify';

type EventLogPort = {
  claimEvent(
    svixId: string,
    fields: { type: string; objectId: string | null; payload: unknown },
  ): Promise<'claimed' | 'duplicate' | 'in-flight'>;
  settleEvent(svixId: string, status: 'processed' | 'ignored'): Promise<void>;
  releaseEvent(svixId: string, error: string): Promise<void>;
  failEvent(svixId: string, error: string): Promise<void>;
  /** Extends the claim while the handler runs (the lease is shorter than Svix's first retry). */
  renewLease(svixId: string): Promise<void>;
};

type Dispatch = (event: ParsedEvent) => Promise<'processed' | 'ignored'>;

export type Delivery = { status: number; body: { status: string; reason?: string } };

export type ReceivePorts = {
  verify: () => Promise<Verified>;
  log: EventLogPort;
  dispatch: Dispatch;
  /** Svix-ids known to be settled: their redeliveries skip even the event-log look-up. */
  settled?: SettledIds;
  /** True for failures worth a retry (Clerk 429/5xx, database down): answered 5xx. */
  isTransient: (error: unknown) => boolean;
  onError?: (error: unknown, context: { svixId: string; type: string; transient: boolean }) => void;
  /** How often a running handler renews its lease (default LEASE_RENEW_MS). */
  leaseRenewMs?: number;
};

/** Renewal period of a running handler's lease; lib/db's lease lasts a little longer than two of these. */
const LEASE_RENEW_MS = 1_500;

/**
 * One Svix delivery, DESIGN.md §3 "Webhook endpoint": refuse what is not
 * verified or well-formed (4xx, nothing stored); record each svix-id once;
 * acknowledge duplicates without side effects; 5xx on transient failure so
 * Svix retries; record permanent failures for replay and acknowledge them.
 */
export async function receiveWebhookWith(ports: ReceivePorts): Promise<Delivery> {
  let verified: Verified;
  let envelope: Envelope;
  try {
    verified = await ports.verify();
    if (ports.settled?.has(verified.svixId)) return { status: 200, body: { status: 'duplicate' } };
    envelope = parseEnvelope(verified.payload);
  } catch (error) {
    if (error instanceof WebhookRejectedError) return { status: error.status, body: { status: 'rejected', reason: error.reason } };
    throw error;
  }
  const { svixId } = verified;
  const { type, data, objectId } = envelope;

  // Only the fields the handler reads are kept for replay (no user profile data).
  const payload = isHandled(type) ? storedFields(type, data) : null;
  const claim = await ports.log.claimEvent(svixId, { type, objectId, payload });
  if (claim === 'duplicate') {
    ports.settled?.add(svixId);
    return { status: 200, body: { status: 'duplicate' } };
  }
  // Another delivery of this message is being handled: Svix retries later and finds it settled.
  if (claim === 'in-flight') return { status: 409, body: { status: 'in-flight' } };

  if (!isHandled(type)) {
    await ports.log.settleEvent(svixId, 'ignored');
    ports.settled?.add(svixId);
    return { status: 200, body: { status: 'ignored' } };
  }
  // Genuine, but our schema refuses it: Svix's retries would bring the same
  // bytes, so it is recorded as failed with the reason (replayable once the
  // schema is fixed) and acknowledged.
  const parsed = parseHandled(type, data, objectId);
  if (!parsed.ok) {
    await ports.log.failEvent(svixId, parsed.reason);
    ports.settled?.add(svixId);
    return { status: 200, body: { status: 'failed', reason: parsed.reason } };
  }
  const delivery = await handleClaimed(parsed.event, svixId, ports);
  if (delivery.status < 300) ports.settled?.add(svixId);
  return delivery;
}

/**
 * Runs the handler of an event this delivery (or a replay) has claimed and
 * records the outcome: settled, released for Svix's retry, or failed.
 */
export async function handleClaimed(
  event: ParsedEvent,
  svixId: string,
  ports: Pick<ReceivePorts, 'log' | 'dispatch' | 'isTransient' | 'onError' | 'leaseRenewMs'>,
): Promise<Delivery> {
  // Keep the claim while the handler works, however long Clerk takes; a
  // crashed or cut-off attempt stops renewing and Svix's next retry takes over.
  const renewal = setInterval(() => void ports.log.renewLease(svixId).catch(() => undefined), ports.leaseRenewMs ?? LEASE_RENEW_MS);
  try {
    const outcome = await ports.dispatch(event);
    clearInterval(renewal);
    await ports.log.settleEvent(svixId, outcome);
    return { status: 200, body: { status: outcome } };
  } catch (error) {
    clearInterval(renewal);
    const transient = ports.isTransient(error);
    ports.onError?.(error, { svixId, type: event.type, transient });
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (transient) {
      await ports.log.releaseEvent(svixId, message).catch(() => undefined);
      return { status: 503, body: { status: 'retry' } };
    }
    await ports.log.failEvent(svixId, message);
    return { status: 200, body: { status: 'failed' } };
  }
}

type Envelope = { type: string; data: Record<string, unknown>; objectId: string | null };

/** Something that is not a Clerk event at all (no type, no data object) is refused: there is nothing to record. */
function parseEnvelope(payload: unknown): Envelope {
  const envelope = envelopeSchema.safeParse(payload);
  if (!envelope.success) throw new WebhookRejectedError(422, `not a Clerk event: ${z.prettifyError(envelope.error)}`);
  const { type, data } = envelope.data;
  return { type, data, objectId: typeof data.id === 'string' ? data.id : null };
}
