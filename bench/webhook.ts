// Deliveries to the real webhook route, in process, as Next would call it
// (like tests/helpers/webhooks.ts), and to a bare route that only verifies.
import { Webhook } from 'svix';
import type { ClerkLocal } from '../tools/clerk-local';
import { POST } from '@/app/api/webhooks/clerk/route';
import { readCappedBody, verifySvix } from '@/lib/webhooks/verify';

/** One Clerk event as Svix sends it: the message id is the svix-id. */
export type Message = { svixId: string; payload: string; userId: string };

export type Answer = { status: number; outcome: string };

type Route = (request: Request) => Promise<Response>;

/** The lower bound for the webhook route: read the capped body, verify the signature, 200. */
export async function bareRoute(request: Request): Promise<Response> {
  const body = await readCappedBody(request);
  verifySvix(body, request.headers, process.env.CLERK_WEBHOOK_SIGNING_SECRET ?? '');
  return Response.json({ status: 'verified' }, { status: 200 });
}

export const realRoute: Route = POST;

/** Svix's headers for one attempt, signed now (Svix signs each attempt afresh). */
export function svixHeaders(message: Message, secret: string, at = new Date()): Record<string, string> {
  return {
    'content-type': 'application/json',
    'svix-id': message.svixId,
    'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
    'svix-signature': new Webhook(secret).sign(message.svixId, at, message.payload),
  };
}

export async function post(route: Route, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await route(new Request('http://localhost/api/webhooks/clerk', { method: 'POST', body, headers }));
  const json = (await response.json()) as { status?: string };
  return { status: response.status, outcome: json.status ?? '?' };
}

/**
 * Signs up `n` fresh users straight in clerk-local's store (no Backend API
 * request, so the request log holds only the app's calls) and returns the
 * user.created message clerk-local generated for each.
 */
export function signUpUsers(clerk: ClerkLocal, n: number, label: string): Message[] {
  const ids = Array.from({ length: n }, (_, i) => clerk.store.createUser({ email_address: [`${label}-${i}@bench.example.com`] }).id);
  const byUser = new Map<string, Message>();
  for (const m of clerk.deliveries.list()) {
    if (m.type !== 'user.created') continue;
    const userId = (JSON.parse(m.payload) as { data: { id: string } }).data.id;
    byUser.set(userId, { svixId: m.id, payload: m.payload, userId });
  }
  return ids.map((id) => {
    const message = byUser.get(id);
    if (!message) throw new Error(`clerk-local emitted no user.created for ${id}`);
    return message;
  });
}
