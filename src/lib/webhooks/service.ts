import { env } from '@/lib/env';
import { claimEvent, failEvent, releaseEvent, renewLease, reopenEvent, type Retention, settleEvent } from '@/lib/db';
import { log } from '@/lib/log';
import { orgSyncPorts, provisioningPorts } from '@/lib/tenants';
import { createDispatch } from './dispatch';
import { type Delivery, receiveWebhookWith } from './receive';
import { isTransient } from './transient';
import { replayEventWith, type ReplayResult } from './replay';
import { createSettledIds, type SettledIds } from './settledIds';
import { readCappedBody, verifySvix } from './verify';

const dispatch = createDispatch({ provisioning: provisioningPorts, orgSync: orgSyncPorts });
const globalForWebhooks = globalThis as typeof globalThis & { __tenantrySettled?: SettledIds };
const settled = (globalForWebhooks.__tenantrySettled ??= createSettledIds());

// The rules wired to the real database, Clerk and signing secret: each has the
// plain verb, its rule the same name with `With` (README "Layout").

/** POST /api/webhooks/clerk: receiveWebhookWith the real event log, dispatch and signing secret. */
export async function receiveWebhook(request: Request): Promise<Delivery> {
  let delivery: Delivery;
  try {
    delivery = await deliver(request);
  } catch (error) {
    // Nothing could be recorded (e.g. the database is unreachable): let Svix retry.
    const transient = isTransient(error);
    log.error({ err: error, svixId: request.headers.get('svix-id'), transient }, 'webhook not recorded');
    return { status: transient ? 503 : 500, body: { status: 'retry' } };
  }
  if (delivery.status >= 400 && delivery.status < 500 && delivery.status !== 409) {
    log.warn({ status: delivery.status, reason: delivery.body.reason, svixId: request.headers.get('svix-id') }, 'webhook rejected');
  }
  return delivery;
}

/** The event log with the deployment's retention periods. */
function eventLog() {
  const retention: Retention = { settledDays: env().WEBHOOK_EVENT_RETENTION_DAYS, failedDays: env().WEBHOOK_FAILED_RETENTION_DAYS };
  return {
    claimEvent: (svixId: string, fields: Parameters<typeof claimEvent>[1]) => claimEvent(svixId, fields, new Date(), retention),
    settleEvent: (svixId: string, status: 'processed' | 'ignored') => settleEvent(svixId, status, retention),
    failEvent: (svixId: string, error: string) => failEvent(svixId, error, retention),
    releaseEvent,
    renewLease: (svixId: string) => renewLease(svixId),
  };
}

function deliver(request: Request): Promise<Delivery> {
  return receiveWebhookWith({
    verify: async () => {
      const body = await readCappedBody(request);
      return verifySvix(body, request.headers, env().CLERK_WEBHOOK_SIGNING_SECRET);
    },
    log: eventLog(),
    dispatch,
    settled,
    isTransient,
    onError: (error, context) =>
      log.error({ err: error, ...context }, context.transient ? 'webhook failed, Svix will retry' : 'webhook failed permanently'),
  });
}

/** Replays a failed event for a platform admin, with the real database and Clerk. */
export async function replayEvent(svixId: string): Promise<ReplayResult> {
  return replayEventWith(svixId, {
    reopenEvent,
    log: eventLog(),
    dispatch,
    isTransient,
    onError: (error, context) => log.error({ err: error, ...context, replay: true }, 'replayed webhook failed'),
  });
}
