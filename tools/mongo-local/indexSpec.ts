// Index specifications: validation as createIndexes does it, equivalence of
// two specs, and the duplicate-key error.
import { EJSON, type Document } from 'bson';
import { parseCollation } from './compare';
import { CommandError, badValue } from './errors';
import { formatKeyDocument, isPlainObject } from './keys';

export type IndexSpec = Document & {
  name: string;
  key: Document;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
};

export const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

// Options that change what an index accepts; two specs with the same name
// must agree on these or createIndexes fails, as in MongoDB.
const SEMANTIC_OPTIONS = ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'collation'] as const;

export function defaultIndexName(key: Document): string {
  return Object.entries(key)
    .map(([field, direction]) => `${field}_${String(direction)}`)
    .join('_');
}

// Options createIndexes accepts; anything else is refused as mongod does.
const KNOWN_OPTIONS = new Set([
  'v', 'key', 'name', 'unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'collation',
  'background', 'hidden', 'storageEngine', 'ns', 'prepareUnique',
]);
// Index kinds mongod has and mongo-local does not build: refused by name.
const SPECIAL_KINDS = new Set(['text', '2d', '2dsphere', 'geoHaystack', 'hashed', 'columnstore']);

export function normalizeIndexSpec(raw: unknown): IndexSpec {
  if (raw === null || typeof raw !== 'object') throw badValue('index specification must be an object');
  const spec = raw as Document;
  const key = spec.key as unknown;
  if (!isPlainObject(key) || Object.keys(key).length === 0) {
    throw new CommandError(67, 'CannotCreateIndex', "Index spec must contain a non-empty 'key' document");
  }
  if (typeof spec.name !== 'string' || spec.name === '') {
    throw new CommandError(9, 'FailedToParse', "The 'name' field is a required property of an index specification");
  }
  for (const [field, direction] of Object.entries(key)) {
    if (typeof direction === 'string' && SPECIAL_KINDS.has(direction)) {
      throw new CommandError(67, 'CannotCreateIndex', `mongo-local does not support '${direction}' indexes (field '${field}')`);
    }
    const n = Number(direction?.toString());
    if (!Number.isFinite(n) || n === 0) {
      throw new CommandError(67, 'CannotCreateIndex', `Values in the index key pattern can only be numbers or strings, got ${EJSON.stringify({ [field]: direction })}`);
    }
  }
  const unknown = Object.keys(spec).find((field) => !KNOWN_OPTIONS.has(field));
  if (unknown) {
    throw new CommandError(197, 'InvalidIndexSpecificationOption', `The field '${unknown}' is not valid for an index specification. Specification: ${EJSON.stringify(spec)}`);
  }
  if (spec.expireAfterSeconds !== undefined) {
    const seconds = Number(spec.expireAfterSeconds?.toString());
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > 2147483647) {
      throw new CommandError(67, 'CannotCreateIndex', `TTL index 'expireAfterSeconds' option must be within an acceptable range, got ${String(spec.expireAfterSeconds)}`);
    }
    if (Object.keys(key).length > 1) throw new CommandError(67, 'CannotCreateIndex', 'TTL indexes are single-field indexes, compound indexes do not support TTL');
  }
  if (spec.partialFilterExpression !== undefined && !isPlainObject(spec.partialFilterExpression)) {
    throw new CommandError(14, 'TypeMismatch', "The field 'partialFilterExpression' must be an object");
  }
  if (spec.partialFilterExpression !== undefined && spec.sparse === true) {
    throw new CommandError(67, 'CannotCreateIndex', 'cannot mix "partialFilterExpression" and "sparse" options');
  }
  const collation = parseCollation(spec.collation);
  // MongoDB reports specs as { v, key, name, ...options }; a 'simple' collation is no collation.
  const options = Object.fromEntries(Object.entries(spec).filter(([field]) => !['v', 'key', 'name', 'collation', 'background'].includes(field)));
  const full: IndexSpec = { v: spec.v ?? 2, key, name: spec.name, ...options };
  if (collation) full.collation = collation;
  return full;
}

/** null when the specs are equivalent, else a description of the conflict. */
export function specConflict(existing: IndexSpec, requested: IndexSpec): CommandError | null {
  const same = (a: unknown, b: unknown) =>
    EJSON.stringify({ v: a ?? null } as Document) === EJSON.stringify({ v: b ?? null } as Document);
  if (existing.name === requested.name && !same(existing.key, requested.key)) {
    return new CommandError(
      86,
      'IndexKeySpecsConflict',
      `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${EJSON.stringify(requested)}, existing index: ${EJSON.stringify(existing)}`,
    );
  }
  for (const option of SEMANTIC_OPTIONS) {
    const normalize = (v: unknown) => (option === 'unique' || option === 'sparse' ? Boolean(v) : v);
    if (!same(normalize(existing[option]), normalize(requested[option]))) {
      return new CommandError(
        85,
        'IndexOptionsConflict',
        `An equivalent index already exists with the same name but different options. Requested index: ${EJSON.stringify(requested)}, existing index: ${EJSON.stringify(existing)}`,
      );
    }
  }
  return null;
}

export class DuplicateKeyError extends CommandError {
  constructor(ns: string, index: IndexSpec, keyValue: Document) {
    super(
      11000,
      'DuplicateKey',
      `E11000 duplicate key error collection: ${ns} index: ${index.name} dup key: ${formatKeyDocument(keyValue)}`,
      { keyPattern: index.key, keyValue },
    );
  }
}

