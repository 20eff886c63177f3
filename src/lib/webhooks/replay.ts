import { isHandled, parseHandled } from './events';
import { type Delivery, handleClaimed, type ReceivePorts } from './receive';

export type ReplayPorts = Pick<ReceivePorts, 'log' | 'dispatch' | 'isTransient' | 'onError'> & {
  reopenEvent(svixId: string): Promise<{ type: string; objectId?: string | null; payload?: unknown } | null>;
};

export type ReplayResult = { status: 'replayed'; delivery: Delivery } | { status: 'not-replayable' };

/**
 * A platform admin's replay of a failed event (DESIGN.md §1): the stored
 * fields go through the same handler as a delivery, once, under the same
 * claim rules (a replay of an event that is not failed does nothing).
 */
export async function replayEventWith(svixId: string, ports: ReplayPorts): Promise<ReplayResult> {
  const event = await ports.reopenEvent(svixId);
  if (!event || !isHandled(event.type) || event.payload == null) {
    if (event) await ports.log.failEvent(svixId, 'not replayable: no stored payload');
    return { status: 'not-replayable' };
  }
  // The stored raw fields go through today's schema: a replay after a fix of it succeeds.
  const parsed = parseHandled(event.type, event.payload, event.objectId ?? null);
  if (!parsed.ok) {
    await ports.log.failEvent(svixId, parsed.reason);
    return { status: 'replayed', delivery: { status: 200, body: { status: 'failed', reason: parsed.reason } } };
  }
  return { status: 'replayed', delivery: await handleClaimed(parsed.event, svixId, ports) };
}
