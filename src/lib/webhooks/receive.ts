import { z } from 'zod';
import { envelopeSchema, handledEvents, isHandled, type ParsedEvent } from './events';
import type { SettledIds } from './settledIds';
import { type Verified, WebhookRejectedError } from './verify';

export type EventLogPort = {
  claimEvent(
    svixId: string,
    fields: { type: string; objectId: string | null; payload: unknown },
  ): Promise<'claimed' | 'duplicate' | 'in-flight'>;
  settleEvent(svixId: string, status: 'processed' | 'ignored'): Promise<void>;
  releaseEvent(svixId: string, error: string): Promise<void>;
  failEvent(svixId: string, error: string): Promise<void>;
};

export type Dispatch = (event: ParsedEvent) => Promise<'processed' | 'ignored'>;

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
};

/**
 * One Svix delivery, DESIGN.md §3 "Webhook endpoint": refuse what is not
 * verified or well-formed (4xx, nothing stored); record each svix-id once;
 * acknowledge duplicates without side effects; 5xx on transient failure so
 * Svix retries; record permanent failures for replay and acknowledge them.
 */
export async function receiveWebhook(ports: ReceivePorts): Promise<Delivery> {
  let verified: Verified;
  let event: ParsedEvent | { type: string; data: unknown; objectId: string | null };
  try {
    verified = await ports.verify();
    if (ports.settled?.has(verified.svixId)) return { status: 200, body: { status: 'duplicate' } };
    event = parseEvent(verified.payload);
  } catch (error) {
    if (error instanceof WebhookRejectedError) return { status: error.status, body: { status: 'rejected', reason: error.reason } };
    throw error;
  }
  const { svixId } = verified;

  // Only the fields the handler reads are kept for replay (no user profile data).
  const payload = isHandled(event.type) ? event.data : null;
  const claim = await ports.log.claimEvent(svixId, { type: event.type, objectId: event.objectId, payload });
  if (claim === 'duplicate') {
    ports.settled?.add(svixId);
    return { status: 200, body: { status: 'duplicate' } };
  }
  // Another delivery of this message is being handled: Svix retries later and finds it settled.
  if (claim === 'in-flight') return { status: 409, body: { status: 'in-flight' } };

  if (!isHandled(event.type)) {
    await ports.log.settleEvent(svixId, 'ignored');
    ports.settled?.add(svixId);
    return { status: 200, body: { status: 'ignored' } };
  }
  const delivery = await handleClaimed(event as ParsedEvent, svixId, ports);
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
  ports: Pick<ReceivePorts, 'log' | 'dispatch' | 'isTransient' | 'onError'>,
): Promise<Delivery> {
  try {
    const outcome = await ports.dispatch(event);
    await ports.log.settleEvent(svixId, outcome);
    return { status: 200, body: { status: outcome } };
  } catch (error) {
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

function parseEvent(payload: unknown): ParsedEvent | { type: string; data: unknown; objectId: string | null } {
  const envelope = envelopeSchema.safeParse(payload);
  if (!envelope.success) throw new WebhookRejectedError(422, `not a Clerk event: ${z.prettifyError(envelope.error)}`);
  const { type, data } = envelope.data;
  const rawId = typeof data.id === 'string' ? data.id : null;
  if (!isHandled(type)) return { type, data, objectId: rawId };
  const parsed = handledEvents[type].safeParse(data);
  if (!parsed.success) throw new WebhookRejectedError(422, `${type} payload: ${z.prettifyError(parsed.error)}`);
  return { type, data: parsed.data, objectId: rawId } as ParsedEvent;
}
