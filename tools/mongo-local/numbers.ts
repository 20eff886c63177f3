// $inc on Decimal128 and Long values, which mingo's updater treats as plain
// objects: the sums are computed exactly here (decimal digits as BigInt) and
// handed to mingo as $set, so `{ $inc: { price: Decimal128('0.1') } }` is
// 0.1 more, not ignored.
import { Decimal128, Long, type Document } from 'bson';
import { CommandError } from './errors';
import { isPlainObject } from './keys';

type Scaled = { digits: bigint; scale: number };

function toScaled(value: Decimal128 | number | Long): Scaled | undefined {
  const text = value instanceof Decimal128 ? value.toString() : value.toString();
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:E([+-]?\d+))?$/i.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  let digits = BigInt(`${sign}${whole}${fraction}` || '0');
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

function addScaled(a: Scaled, b: Scaled): Decimal128 {
  const scale = Math.max(a.scale, b.scale);
  const sum = a.digits * 10n ** BigInt(scale - a.scale) + b.digits * 10n ** BigInt(scale - b.scale);
  const negative = sum < 0n;
  const text = (negative ? -sum : sum).toString().padStart(scale + 1, '0');
  const formatted = scale > 0 ? `${text.slice(0, -scale)}.${text.slice(-scale)}` : text;
  return Decimal128.fromString(`${negative ? '-' : ''}${formatted}`);
}

const isWide = (value: unknown): value is Decimal128 | Long => value instanceof Decimal128 || value instanceof Long;

function current(doc: Document, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (isPlainObject(value) ? value[part] : undefined), doc);
}

/** `operators` with every $inc on or by a Decimal128/Long turned into an exact $set. */
export function exactIncrements(doc: Document, operators: Document): Document {
  const inc: unknown = operators.$inc;
  if (!isPlainObject(inc)) return operators;
  const remaining: Document = {};
  const set: Document = {};
  for (const [path, by] of Object.entries(inc)) {
    const value = current(doc, path);
    if (path.includes('$') || (!isWide(by) && !isWide(value))) {
      remaining[path] = by;
      continue;
    }
    if (value !== undefined && value !== null && typeof value !== 'number' && !isWide(value)) {
      throw new CommandError(14, 'TypeMismatch', `Cannot apply $inc to a value of non-numeric type. {_id: ${String(doc._id)}} has the field '${path}' of non-numeric type`);
    }
    if (value instanceof Long && (by instanceof Long || (typeof by === 'number' && Number.isInteger(by)))) {
      set[path] = value.add(by);
      continue;
    }
    const a = toScaled((value ?? 0) as number | Decimal128 | Long);
    const b = toScaled(by as number | Decimal128 | Long);
    if (!a || !b) {
      remaining[path] = by;
      continue;
    }
    set[path] = addScaled(a, b);
  }
  const { $inc: _inc, ...others } = operators;
  void _inc;
  const result: Document = { ...others };
  if (Object.keys(remaining).length > 0) result.$inc = remaining;
  if (Object.keys(set).length > 0) result.$set = { ...(isPlainObject(others.$set) ? others.$set : {}), ...set };
  return result;
}
