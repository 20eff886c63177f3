import { errors } from './errors';
import type { Page } from './store';

/** Clerk's `limit` (1..500, default 10) and `offset` (default 0). */
export function pageFrom(query: URLSearchParams): Page {
  return { limit: intParam(query, 'limit', 10, 1, 500), offset: intParam(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER) };
}

function intParam(query: URLSearchParams, key: string, dflt: number, min: number, max: number): number {
  const raw = query.get(key);
  if (raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw errors.paramInvalid(key, `${key} must be an integer between ${min} and ${max}.`);
  }
  return n;
}

/** Array parameters arrive as repeated keys (`?user_id=a&user_id=b`); `key[]` is accepted too. */
export function listParam(query: URLSearchParams, key: string): string[] | undefined {
  const values = [...query.getAll(key), ...query.getAll(`${key}[]`)].filter((v) => v !== '');
  return values.length ? values : undefined;
}

export function boolParam(query: URLSearchParams, key: string): boolean {
  return query.get(key) === 'true';
}

export function strParam(query: URLSearchParams, key: string): string | undefined {
  return query.get(key) || undefined;
}
