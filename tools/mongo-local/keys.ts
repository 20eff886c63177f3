// Index keys: the values a document contributes to an index, and a canonical
// string per value so that equal BSON values (1 and 1.0, two ObjectIds with
// the same hex) land on the same map entry.
import { Binary, Decimal128, EJSON, Long, ObjectId, type Document } from 'bson';

export function isPlainObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function keyOf(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  switch (typeof value) {
    case 'number':
      return `n:${value === 0 ? 0 : value}`;
    case 'string':
      return `s:${JSON.stringify(value)}`;
    case 'boolean':
      return `b:${value}`;
    case 'bigint':
      return `n:${value}`;
  }
  if (value instanceof ObjectId) return `o:${value.toHexString()}`;
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (value instanceof Long || value instanceof Decimal128) return `n:${Number(value.toString())}`;
  if (value instanceof Binary) return `x:${value.sub_type}:${Buffer.from(value.buffer).toString('base64')}`;
  if (Array.isArray(value)) return `a:[${value.map(keyOf).join(',')}]`;
  if (isPlainObject(value)) {
    // Field order matters for embedded documents in MongoDB, so keep it.
    return `O:{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${keyOf(v)}`)
      .join(',')}}`;
  }
  return `u:${EJSON.stringify(value as Document, { relaxed: false })}`;
}

/**
 * Values at a dotted path, fanned out over arrays the way a multikey index
 * does: `{ tags: ['a', 'b'] }` contributes both 'a' and 'b' under `tags`.
 * A missing field contributes `undefined` (indexed as null).
 */
export function valuesAtPath(value: unknown, parts: readonly string[]): unknown[] {
  const [head, ...rest] = parts;
  if (head === undefined) {
    if (Array.isArray(value)) return value.length > 0 ? value : [undefined];
    return [value];
  }
  if (Array.isArray(value)) {
    if (/^\d+$/.test(head)) return valuesAtPath(value[Number(head)], rest);
    return value.length > 0 ? value.flatMap((item) => valuesAtPath(item, parts)) : [undefined];
  }
  if (isPlainObject(value)) return valuesAtPath(value[head], rest);
  return [undefined];
}

/** How MongoDB prints a key value in an E11000 message. */
export function formatKeyValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (Array.isArray(value)) return `[ ${value.map(formatKeyValue).join(', ')} ]`;
  if (isPlainObject(value)) return formatKeyDocument(value);
  return EJSON.stringify(value as Document);
}

export function formatKeyDocument(doc: Document): string {
  const fields = Object.entries(doc).map(([k, v]) => `${k}: ${formatKeyValue(v)}`);
  return fields.length > 0 ? `{ ${fields.join(', ')} }` : '{}';
}
