import { randomUUID } from 'node:crypto';
import { Webhook } from 'svix';
import { POST } from '@/app/api/webhooks/clerk/route';

export const TEST_WEBHOOK_SECRET = `whsec_${Buffer.from('tenantry-integration-webhook-secret').toString('base64')}`;

export function clerkEvent(type: string, data: Record<string, unknown>) {
  return { object: 'event', type, data, timestamp: Math.floor(Date.now() / 1000), instance_id: 'ins_test' };
}

type SignOptions = { svixId?: string; at?: Date; secret?: string };

/** The headers Svix sends: id, timestamp and a v1 HMAC signature over both and the body. */
export function svixHeaders(body: string, { svixId = `msg_${randomUUID()}`, at = new Date(), secret = TEST_WEBHOOK_SECRET }: SignOptions = {}) {
  return {
    'content-type': 'application/json',
    'svix-id': svixId,
    'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
    'svix-signature': new Webhook(secret).sign(svixId, at, body),
  };
}

/** Posts to the real route handler, as Next would call it. */
export async function postToRoute(body: string, headers: Record<string, string>) {
  const response = await POST(
    new Request('http://localhost/api/webhooks/clerk', { method: 'POST', body, headers }),
  );
  return { status: response.status, json: (await response.json()) as { status: string; reason?: string } };
}

/** Signs and posts one event; returns the status and the svix-id used. */
export async function deliver(event: unknown, options: SignOptions = {}) {
  const body = JSON.stringify(event);
  const headers = svixHeaders(body, options);
  return { ...(await postToRoute(body, headers)), svixId: headers['svix-id'] };
}
