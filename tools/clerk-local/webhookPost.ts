// One delivery attempt over HTTP, signed as Svix signs it (webhooks.ts).
import type { WebhookMessage } from './webhookTypes';

type Signer = { sign(msgId: string, timestamp: Date, payload: string): string };

/** POSTs the message with Svix's headers; a non-2xx answer, a network error or the timeout is the attempt's error. */
export async function postSigned(
  url: string,
  msg: WebhookMessage,
  signer: Signer,
  timeoutMs: number,
  controllers: Set<AbortController>,
): Promise<{ status: number | null; error: string | null }> {
  const controller = new AbortController();
  controllers.add(controller);
  const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  let status: number | null = null;
  let error: string | null = null;
  try {
    // Svix signs each attempt with the time of that attempt.
    const now = new Date();
    const res = await fetch(url, {
      method: 'POST',
      body: msg.payload,
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Svix-Webhooks/1.99 (clerk-local)',
        'svix-id': msg.id,
        'svix-timestamp': String(Math.floor(now.getTime() / 1000)),
        'svix-signature': signer.sign(msg.id, now, msg.payload),
      },
    });
    status = res.status;
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) error = `HTTP ${res.status}`;
  } catch (err) {
    const reason = controller.signal.aborted ? controller.signal.reason : err;
    error = reason instanceof Error ? reason.message : String(reason);
  } finally {
    clearTimeout(timer);
    controllers.delete(controller);
  }
  return { status, error };
}
