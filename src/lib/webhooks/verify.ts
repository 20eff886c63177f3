import { Webhook, WebhookVerificationError } from 'svix';

const MAX_BODY_BYTES = 256 * 1024;

/** A delivery refused before anything is processed or stored. */
export class WebhookRejectedError extends Error {
  constructor(
    readonly status: 400 | 401 | 413 | 422,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'WebhookRejectedError';
  }
}

/** Reads the raw body (the signature covers its exact bytes), refusing more than `max` bytes. */
export async function readCappedBody(request: Request, max = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > max) throw new WebhookRejectedError(413, `body over ${max} bytes`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new WebhookRejectedError(413, `body over ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type Verified = { svixId: string; payload: unknown };

/**
 * Svix verification: signature over id, timestamp and body with the `whsec_`
 * secret, timestamp within Svix's 5-minute tolerance; svix parses the body
 * as JSON only after the signature checks out.
 */
export function verifySvix(body: string, headers: Headers, secret: string): Verified {
  const svixId = headers.get('svix-id');
  const svixTimestamp = headers.get('svix-timestamp');
  const svixSignature = headers.get('svix-signature');
  if (!svixId || !svixTimestamp || !svixSignature) {
    throw new WebhookRejectedError(400, 'missing svix-id, svix-timestamp or svix-signature header');
  }
  try {
    const payload: unknown = new Webhook(secret).verify(body, {
      'svix-id': svixId,
      'svix-timestamp': svixTimestamp,
      'svix-signature': svixSignature,
    });
    return { svixId, payload };
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw new WebhookRejectedError(401, error.message);
    // svix parses the body after a valid signature; a SyntaxError means it was not JSON.
    if (error instanceof SyntaxError) throw new WebhookRejectedError(400, 'body is not JSON');
    throw error;
  }
}
