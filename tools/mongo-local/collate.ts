// Filters under a collation. mingo compares strings by code unit, so with a
// collation both the filter's operands and the documents' strings are
// mapped to a comparison key first (case folded for strength ≤ 2, accents
// dropped for strength 1, digit runs padded for numericOrdering) and mingo
// matches the keys. Equality and $in follow the collation exactly for these
// settings; ranges follow it for the common cases (case-insensitive Latin text).
import type { Document } from 'bson';
import { Query } from 'mingo';
import { type Collation, intlLocale } from './compare';
import { CommandError } from './errors';
import { isPlainObject } from './keys';
import { queryOptions } from './validation';

// Operators whose operands are not values to compare: left as they are.
const OPAQUE = new Set(['$regex', '$options', '$type', '$exists', '$size', '$mod', '$expr', '$where', '$jsonSchema', '$text', '$bitsAllSet', '$bitsAnySet', '$bitsAllClear', '$bitsAnyClear']);

export function collationKey(collation: Collation): (value: string) => string {
  const strength = collation.strength ?? 3;
  const locale = collation.locale === 'root' ? undefined : intlLocale(collation.locale).split('-u-')[0];
  return (value) => {
    let key = value.normalize('NFC');
    if (collation.alternate === 'shifted') key = key.replace(/[\p{P}\p{Z}\p{S}]/gu, '');
    if (strength === 1) key = key.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
    if (strength <= 2 && !(strength === 1 && collation.caseLevel)) key = key.toLocaleLowerCase(locale);
    if (collation.numericOrdering) key = key.replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(32, '0'));
    return key;
  };
}

/** A test of documents against `filter` that honours `collation`. */
export function matcher(filter: Document, collation: Collation | undefined, variables?: Document): (doc: Document) => boolean {
  // mongo-local builds no text indexes, so $text fails as on a mongod without one.
  if ('$text' in filter) throw new CommandError(27, 'IndexNotFound', 'text index required for $text query (mongo-local does not support text indexes)');
  if (!collation || ((collation.strength ?? 3) >= 3 && !collation.numericOrdering && collation.alternate !== 'shifted')) {
    const query = new Query(filter, { variables, ...queryOptions } as never);
    return (doc) => query.test(doc);
  }
  const key = collationKey(collation);
  const query = new Query(mapFilter(filter, key), { variables, ...queryOptions } as never);
  return (doc) => query.test(mapStrings(doc, key) as Document);
}

function mapFilter(filter: Document, key: (s: string) => string): Document {
  const out: Document = {};
  for (const [field, value] of Object.entries(filter)) {
    if (OPAQUE.has(field)) out[field] = value;
    else if (field === '$and' || field === '$or' || field === '$nor') out[field] = Array.isArray(value) ? value.map((clause: Document) => mapFilter(clause, key)) : value;
    else out[field] = mapCondition(value, key);
  }
  return out;
}

function mapCondition(value: unknown, key: (s: string) => string): unknown {
  if (!isPlainObject(value) || !Object.keys(value).some((k) => k.startsWith('$'))) return mapStrings(value, key);
  const out: Document = {};
  for (const [op, operand] of Object.entries(value)) {
    if (OPAQUE.has(op)) out[op] = operand;
    else if (op === '$elemMatch' && isPlainObject(operand)) out[op] = mapFilter(operand, key);
    else if (op === '$not') out[op] = mapCondition(operand, key);
    else out[op] = mapStrings(operand, key);
  }
  return out;
}

function mapStrings(value: unknown, key: (s: string) => string): unknown {
  if (typeof value === 'string') return key(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, key));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, key)]));
  return value;
}
