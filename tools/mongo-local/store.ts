// All databases held by one server. Every change to the data is reported to
// the store's listeners as a `Change` (a full document image, never a diff),
// which is what the journal writes and what start-up replays.
import type { Document } from 'bson';
import { Collection } from './collection';
import { CommandError, badValue } from './errors';
import type { IndexSpec } from './indexes';

export type Change =
  | { op: 'create'; db: string; coll: string; options: Document }
  | { op: 'drop'; db: string; coll: string }
  | { op: 'dropDatabase'; db: string }
  | { op: 'put'; db: string; coll: string; doc: Document }
  | { op: 'remove'; db: string; coll: string; id: unknown }
  | { op: 'createIndex'; db: string; coll: string; spec: IndexSpec }
  | { op: 'dropIndex'; db: string; coll: string; name: string };

export class Store {
  private readonly databases = new Map<string, Map<string, Collection>>();
  private readonly listeners: Array<(change: Change) => void> = [];

  onChange(listener: (change: Change) => void): void {
    this.listeners.push(listener);
  }

  record(change: Change): void {
    for (const listener of this.listeners) listener(change);
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  collections(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  get(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** Writes create their collection implicitly, as in MongoDB. */
  getOrCreate(db: string, name: string): Collection {
    return this.get(db, name) ?? this.create(db, name);
  }

  create(db: string, name: string, options: Document = {}): Collection {
    validateNames(db, name);
    let collections = this.databases.get(db);
    if (!collections) {
      collections = new Map();
      this.databases.set(db, collections);
    }
    if (collections.has(name)) {
      throw new CommandError(48, 'NamespaceExists', `Collection ${db}.${name} already exists.`);
    }
    const collection = new Collection(db, name, options, (change) => this.record(change));
    collections.set(name, collection);
    this.record({ op: 'create', db, coll: name, options });
    return collection;
  }

  drop(db: string, name: string): Collection | undefined {
    const collections = this.databases.get(db);
    const collection = collections?.get(name);
    if (!collections || !collection) return undefined;
    collections.delete(name);
    if (collections.size === 0) this.databases.delete(db);
    this.record({ op: 'drop', db, coll: name });
    return collection;
  }

  dropDatabase(db: string): void {
    if (this.databases.delete(db)) this.record({ op: 'dropDatabase', db });
  }

  /** Replays one journaled change (start-up only: listeners are not attached yet). */
  apply(change: Change): void {
    switch (change.op) {
      case 'create':
        if (!this.get(change.db, change.coll)) this.create(change.db, change.coll, change.options);
        return;
      case 'drop':
        this.drop(change.db, change.coll);
        return;
      case 'dropDatabase':
        this.dropDatabase(change.db);
        return;
      case 'put':
        this.getOrCreate(change.db, change.coll).put(change.doc);
        return;
      case 'remove':
        this.get(change.db, change.coll)?.removeById(change.id);
        return;
      case 'createIndex':
        this.getOrCreate(change.db, change.coll).createIndex(change.spec);
        return;
      case 'dropIndex':
        this.get(change.db, change.coll)?.dropIndex(change.name);
    }
  }
}

// MongoDB's own limits on names; they also keep persisted file names safe.
function validateNames(db: string, collection: string): void {
  if (db === '' || db.length > 63 || /[/\\. "$*<>:|?\0]/.test(db)) {
    throw new CommandError(73, 'InvalidNamespace', `Invalid database name: '${db}'`);
  }
  if (collection === '' || collection.includes('$') || collection.includes('\0') || collection.startsWith('.')) {
    throw badValue(`Invalid collection name: ${collection}`);
  }
  if (collection.includes('/') || collection.includes('\\')) {
    throw badValue(`mongo-local does not accept '/' or '\\' in collection names: ${collection}`);
  }
}
