import { receiveWebhook } from '@/lib/webhooks';

// Svix deliveries of Clerk's events (DESIGN.md §3 "Webhook endpoint"). Thin:
// lib/webhooks verifies, records, dispatches and picks the status; any 2xx
// stops Svix's retries.
export async function POST(request: Request): Promise<Response> {
  const { status, body } = await receiveWebhook(request);
  return Response.json(body, { status });
}
