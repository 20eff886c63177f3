// Index definitions and unique-key enforcement. Only uniqueness is modelled:
// queries scan (see collection.ts), so non-unique indexes are kept as specs
// that listIndexes reports back, which is all mongoose needs from them.
import { EJSON, ObjectId, type Document } from 'bson';
import { Query } from 'mingo';
import { CommandError, badValue } from './errors';
import { formatKeyDocument, isPlainObject, keyOf, valuesAtPath } from './keys';

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

export function normalizeIndexSpec(raw: unknown): IndexSpec {
  if (raw === null || typeof raw !== 'object') throw badValue('index specification must be an object');
  const spec = raw as Document;
  const key = spec.key as unknown;
  if (key === null || typeof key !== 'object' || Object.keys(key).length === 0) {
    throw new CommandError(67, 'CannotCreateIndex', "Index spec must contain a non-empty 'key' document");
  }
  if (typeof spec.name !== 'string' || spec.name === '') {
    throw new CommandError(9, 'FailedToParse', "The 'name' field is a required property of an index specification");
  }
  // MongoDB reports specs as { v, key, name, ...options }.
  const options = Object.fromEntries(Object.entries(spec).filter(([field]) => !['v', 'key', 'name'].includes(field)));
  return { v: spec.v ?? 2, key: key as Document, name: spec.name, ...options };
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

type IndexEntry = { key: string; keyValue: Document };

export class Index {
  readonly fields: string[];
  private readonly paths: string[][];
  private readonly partial: Query | undefined;
  /** Unique indexes only: canonical key → `_id` key of the owning document. */
  private readonly owners = new Map<string, string>();

  constructor(
    readonly spec: IndexSpec,
    private readonly ns: string,
  ) {
    this.fields = Object.keys(spec.key);
    this.paths = this.fields.map((field) => field.split('.'));
    // partialFilterExpression uses the query language: mingo evaluates it.
    this.partial = spec.partialFilterExpression ? new Query(spec.partialFilterExpression, {}) : undefined;
  }

  get enforcesUniqueness(): boolean {
    return this.spec.unique === true || this.spec.name === ID_INDEX.name;
  }

  /** Throws the duplicate-key error if `doc` would collide with another document. */
  check(doc: Document, idKey: string): void {
    if (!this.enforcesUniqueness) return;
    for (const entry of this.entriesOf(doc)) {
      const owner = this.owners.get(entry.key);
      if (owner !== undefined && owner !== idKey) throw new DuplicateKeyError(this.ns, this.spec, entry.keyValue);
    }
  }

  /**
   * For a filter with a plain equality on every field of this unique index:
   * the `_id` key of the only document that can match, or null for none.
   * undefined when the index cannot answer (partial, or not all fields given).
   */
  candidateFor(filter: Document): string | null | undefined {
    if (!this.enforcesUniqueness || this.partial) return undefined;
    const keys: string[] = [];
    for (const field of this.fields) {
      const value = equalityValue(filter[field]);
      if (value === undefined) return undefined;
      keys.push(keyOf(value));
    }
    return this.owners.get(keys.join('|')) ?? null;
  }

  add(doc: Document, idKey: string): void {
    if (!this.enforcesUniqueness) return;
    for (const entry of this.entriesOf(doc)) this.owners.set(entry.key, idKey);
  }

  remove(doc: Document, idKey: string): void {
    if (!this.enforcesUniqueness) return;
    for (const entry of this.entriesOf(doc)) {
      if (this.owners.get(entry.key) === idKey) this.owners.delete(entry.key);
    }
  }

  private entriesOf(doc: Document): IndexEntry[] {
    if (this.partial && !this.partial.test(doc)) return [];
    const perField = this.paths.map((path) => valuesAtPath(doc, path));
    // Sparse: documents lacking every indexed field are not in the index.
    if (this.spec.sparse && perField.every((values) => values.every((v) => v === undefined))) return [];
    let combos: unknown[][] = [[]];
    for (const values of perField) combos = combos.flatMap((combo) => values.map((v) => [...combo, v]));
    return combos.map((combo) => ({
      key: combo.map(keyOf).join('|'),
      keyValue: Object.fromEntries(this.fields.map((field, i) => [field, combo[i] ?? null])),
    }));
  }
}

// Scalars only: null, arrays and embedded documents have matching rules
// (missing fields, whole-array equality) that a key lookup would get wrong.
function equalityValue(condition: unknown): unknown {
  const value = isPlainObject(condition) && Object.keys(condition).length === 1 ? condition.$eq : condition;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value instanceof ObjectId || value instanceof Date) return value;
  return undefined;
}
