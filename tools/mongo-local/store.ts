// All databases held by one server. Writers call `changed(db)` so that
// persistence (if any) knows which database to snapshot.
import type { Document } from 'bson';
import { Collection } from './collection';
import { CommandError, badValue } from './errors';

export class Store {
  private readonly databases = new Map<string, Map<string, Collection>>();
  private readonly listeners: Array<(db: string) => void> = [];

  onChange(listener: (db: string) => void): void {
    this.listeners.push(listener);
  }

  changed(db: string): void {
    for (const listener of this.listeners) listener(db);
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
    const collection = new Collection(db, name, options);
    collections.set(name, collection);
    this.changed(db);
    return collection;
  }

  drop(db: string, name: string): Collection | undefined {
    const collections = this.databases.get(db);
    const collection = collections?.get(name);
    if (!collections || !collection) return undefined;
    collections.delete(name);
    if (collections.size === 0) this.databases.delete(db);
    this.changed(db);
    return collection;
  }

  dropDatabase(db: string): void {
    if (this.databases.delete(db)) this.changed(db);
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
