import { ClerkApiError, errors } from './errors';
import type { RequestContext } from './router';

/** JSON body as an object; an empty body is `{}` (the SDK omits bodies without params). */
export function jsonBody(ctx: RequestContext): Record<string, unknown> {
  if (ctx.rawBody.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.rawBody.toString('utf8'));
  } catch (cause) {
    throw Object.assign(errors.bodyInvalid('The request body is not valid JSON.'), { cause });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw errors.bodyInvalid('The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** multipart/form-data via undici's parser (Node's global Response). */
export async function formBody(ctx: RequestContext): Promise<FormData> {
  const type = ctx.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw errors.bodyInvalid('Expected a multipart/form-data body.');
  }
  try {
    return await new Response(new Uint8Array(ctx.rawBody), { headers: { 'content-type': type } }).formData();
  } catch (cause) {
    throw Object.assign(errors.bodyInvalid('The multipart body could not be parsed.'), { cause });
  }
}

export function optString(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw errors.paramInvalid(key, `${key} must be a string.`);
  return v;
}

export function reqString(body: Record<string, unknown>, key: string): string {
  const v = optString(body, key);
  if (v === undefined || v === '') throw errors.paramMissing(key);
  return v;
}

export function optObject(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw errors.paramInvalid(key, `${key} must be an object.`);
  return v as Record<string, unknown>;
}

export function optInt(body: Record<string, unknown>, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw errors.paramInvalid(key, `${key} must be a non-negative integer.`);
  }
  return v;
}

export function stringList(body: Record<string, unknown>, key: string): string[] {
  const v = body[key];
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw errors.paramInvalid(key, `${key} must be a list of strings.`);
}

export { ClerkApiError };
