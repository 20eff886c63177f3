// One collection: documents in natural (insertion) order keyed by `_id`, plus
// its indexes, which queries use through the planner (planner.ts). Stored
// documents are never mutated: every write stores a new object, so open
// cursors, in-flight replies and snapshots keep a consistent view.
import { BSON, ObjectId, type Document } from 'bson';
import { find } from 'mingo';
import { matcher } from './collate';
import { type Collation, forMingo, parseCollation, sameCollation } from './compare';
import { CommandError, badValue } from './errors';
import { DuplicateKeyError, ID_INDEX, Index, specConflict, type IndexSpec } from './indexes';
import { isPlainObject, keyOf } from './keys';
import { type Plan, planQuery } from './planner';
import { project } from './projection';
import { type Validator, validatorFor } from './validation';
import type { Change } from './store';

export type QueryOptions = {
  sort?: Document;
  skip?: number;
  limit?: number;
  projection?: Document;
  collation?: Collation;
  hint?: unknown;
  /** `let` variables, for $expr. */
  variables?: Document;
};

// MongoDB 5+ stores `$`-prefixed field names, except inside `_id`.
function checkIdForStorage(id: unknown): void {
  if (!isPlainObject(id)) return;
  for (const [field, value] of Object.entries(id)) {
    if (field.startsWith('$')) {
      throw new CommandError(52, 'DollarPrefixedFieldName', `_id fields may not contain '$'-prefixed fields: ${field} is not valid for storage.`);
    }
    checkIdForStorage(value);
  }
}

export function cloneDocument<T extends Document>(doc: T): T {
  return BSON.deserialize(BSON.serialize(doc)) as T;
}

export function sameDocument(a: Document, b: Document): boolean {
  return Buffer.from(BSON.serialize(a)).equals(BSON.serialize(b));
}

export class Collection {
  private readonly byId = new Map<string, Document>();
  private readonly indexList: Index[];

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Document = {},
    private readonly record: (change: Change) => void = () => {},
  ) {
    this.indexList = [new Index(ID_INDEX, this.ns)];
    this.validator = validatorFor(options);
  }

  /** The collection's document validation, if it has a validator (validation.ts). */
  readonly validator: Validator | undefined;

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get indexObjects(): readonly Index[] {
    return this.indexList;
  }

  getByKey(idKey: string): Document | undefined {
    return this.byId.get(idKey);
  }

  get indexes(): IndexSpec[] {
    return this.indexList.map((index) => index.spec);
  }

  all(): Document[] {
    return [...this.byId.values()];
  }

  /** The collation an operation uses: its own, else the collection's default. */
  collationFor(requested: unknown): Collation | undefined {
    return requested === undefined ? parseCollation(this.options.collation) : parseCollation(requested);
  }

  plan(filter: Document = {}, options: QueryOptions = {}): Plan {
    return planQuery(this.indexList, { filter, sort: options.sort, collation: options.collation, hint: options.hint });
  }

  query(filter: Document = {}, options: QueryOptions = {}): Document[] {
    return this.run(this.plan(filter, options), filter, options).docs;
  }

  /** Runs a plan; `examined` counts documents fetched, for explain's executionStats. */
  run(plan: Plan, filter: Document, options: QueryOptions): { docs: Document[]; examined: number } {
    const matches = matcher(filter, options.collation, options.variables);
    const sort = options.sort && Object.fromEntries(Object.entries(options.sort).filter(([k]) => k !== '$natural'));
    const mustSort = sort !== undefined && Object.keys(sort).length > 0 && !(plan.stage === 'IXSCAN' && plan.sorted);
    const skip = options.skip ?? 0;
    // Without a sort to do here, matching stops once skip + limit are found.
    const wanted = !mustSort && options.limit ? skip + options.limit : Number.POSITIVE_INFINITY;
    const matched: Document[] = [];
    let examined = 0;
    for (const doc of this.candidates(plan)) {
      examined += 1;
      if (!matches(doc)) continue;
      matched.push(doc);
      if (matched.length >= wanted) break;
    }
    let cursor = find(matched, {}, undefined, { collation: forMingo(options.collation) } as never);
    if (mustSort) cursor = cursor.sort(sort);
    if (skip) cursor = cursor.skip(skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return { docs: project(cursor.all() as Document[], options.projection), examined };
  }

  private *candidates(plan: Plan): Generator<Document> {
    if (plan.stage === 'COLLSCAN') {
      yield* this.byId.values();
      return;
    }
    for (const idKey of plan.index.scan(plan.ranges, plan.reverse)) {
      const doc = this.byId.get(idKey);
      if (doc) yield doc;
    }
  }

  get(id: unknown): Document | undefined {
    return this.byId.get(keyOf(id));
  }

  insert(input: Document): Document {
    // MongoDB stores `_id` as the first field, generating it if absent.
    const { _id = new ObjectId(), ...fields } = input;
    const doc = input._id !== undefined && Object.keys(input)[0] === '_id' ? input : { _id, ...fields };
    if (Array.isArray(doc._id)) throw badValue(`can't use an array for _id`);
    checkIdForStorage(doc._id);
    const idKey = keyOf(doc._id);
    // Index checks skip the document's own entries, so a clash with itself,
    // which is what a repeated _id is, has to be caught here.
    if (this.byId.has(idKey)) throw new DuplicateKeyError(this.ns, ID_INDEX, { _id: doc._id });
    for (const index of this.indexList) index.check(doc, idKey);
    for (const index of this.indexList) index.add(doc, idKey);
    this.byId.set(idKey, doc);
    this.record({ op: 'put', db: this.db, coll: this.name, doc });
    return doc;
  }

  /** Journal replay: the document as it was last written, inserted or replaced. */
  put(doc: Document): void {
    const current = this.byId.get(keyOf(doc._id));
    if (current) this.replace(current, doc);
    else this.insert(doc);
  }

  replace(current: Document, next: Document): void {
    const idKey = keyOf(current._id);
    if (keyOf(next._id) !== idKey) {
      throw new CommandError(
        66,
        'ImmutableField',
        `Performing an update on the path '_id' would modify the immutable field '_id'`,
      );
    }
    for (const index of this.indexList) index.remove(current, idKey);
    try {
      for (const index of this.indexList) index.check(next, idKey);
    } catch (error) {
      for (const index of this.indexList) index.add(current, idKey);
      throw error;
    }
    for (const index of this.indexList) index.add(next, idKey);
    this.byId.set(idKey, next);
    this.record({ op: 'put', db: this.db, coll: this.name, doc: next });
  }

  remove(doc: Document): void {
    const idKey = keyOf(doc._id);
    for (const index of this.indexList) index.remove(doc, idKey);
    this.byId.delete(idKey);
    this.record({ op: 'remove', db: this.db, coll: this.name, id: doc._id });
  }

  removeById(id: unknown): void {
    const doc = this.byId.get(keyOf(id));
    if (doc) this.remove(doc);
  }

  /** Returns false when an identical index already exists. */
  createIndex(spec: IndexSpec): boolean {
    for (const existing of this.indexList) {
      const sameName = existing.spec.name === spec.name;
      const sameKey = keyOf(existing.spec.key) === keyOf(spec.key);
      if (!sameName && !sameKey) continue;
      if (!sameName) {
        // One key pattern may back several indexes if their filters or collations differ.
        if (keyOf(existing.spec.partialFilterExpression) !== keyOf(spec.partialFilterExpression)) continue;
        if (!sameCollation(parseCollation(existing.spec.collation), parseCollation(spec.collation))) continue;
        throw new CommandError(
          85,
          'IndexOptionsConflict',
          `Index already exists with a different name: ${existing.spec.name}`,
        );
      }
      const conflict = specConflict(existing.spec, spec);
      if (conflict) throw conflict;
      return false;
    }
    const index = new Index(spec, this.ns);
    // Building a unique index over existing data fails on the first duplicate.
    for (const [idKey, doc] of this.byId) {
      index.check(doc, idKey);
      index.add(doc, idKey);
    }
    this.indexList.push(index);
    this.record({ op: 'createIndex', db: this.db, coll: this.name, spec });
    return true;
  }

  dropIndex(name: string): void {
    if (name === ID_INDEX.name) throw new CommandError(72, 'InvalidOptions', 'cannot drop _id index');
    const at = this.indexList.findIndex((index) => index.spec.name === name);
    if (at < 0) throw new CommandError(27, 'IndexNotFound', `index not found with name [${name}]`);
    this.indexList.splice(at, 1);
    this.record({ op: 'dropIndex', db: this.db, coll: this.name, name });
  }

  dropIndexes(): void {
    for (const index of this.indexList.slice(1)) this.dropIndex(index.spec.name);
  }
}
