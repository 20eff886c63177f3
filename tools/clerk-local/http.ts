// The emulator's HTTP plumbing: request bodies (capped), responses in Clerk's
// shapes, ClerkApiError → Clerk's error body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClerkApiError, errorBody } from './errors';
import type { RouteResult } from './router';

const MAX_BODY_BYTES = 12 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, result: RouteResult): void {
  const status = result.status ?? 200;
  const headers: Record<string, string | string[]> = { ...result.headers };
  let payload: Buffer | undefined;
  if (result.raw) {
    payload = result.raw;
    headers['content-type'] = result.contentType ?? 'application/octet-stream';
  } else if (result.body !== undefined && status !== 204) {
    payload = Buffer.from(JSON.stringify(result.body));
    // Exactly this value: @clerk/backend parses JSON only when the header equals 'application/json'.
    headers['content-type'] = 'application/json';
  }
  if (payload) headers['content-length'] = String(payload.length);
  res.writeHead(status, headers);
  res.end(payload);
}

export function errorResult(err: ClerkApiError): RouteResult {
  return { status: err.status, body: errorBody(err.errors), headers: err.headers };
}

