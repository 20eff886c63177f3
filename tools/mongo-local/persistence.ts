// Optional on-disk copy of the data, in mongodump's layout:
// <dataDir>/<db>/<collection>.bson (concatenated BSON documents) and
// <collection>.metadata.json (indexes and options, extended JSON).
// Snapshots are written synchronously from a debounce timer: the state is
// captured at one instant between commands, so a snapshot is never torn.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BSON, EJSON, type Document } from 'bson';
import type { IndexSpec } from './indexes';
import type { Store } from './store';

const DEBOUNCE_MS = 200;

export class Persistence {
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly store: Store,
  ) {}

  load(): void {
    mkdirSync(this.dataDir, { recursive: true });
    // Database names never contain '.', so '<db>.previous' and '<db>.writing'
    // are leftovers of an interrupted swap: recover the former, drop the latter.
    for (const entry of readdirSync(this.dataDir)) {
      const db = entry.slice(0, -'.previous'.length);
      if (entry.endsWith('.previous') && !existsSync(join(this.dataDir, db))) {
        renameSync(join(this.dataDir, entry), join(this.dataDir, db));
      }
    }
    for (const entry of readdirSync(this.dataDir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.includes('.')) this.loadDatabase(entry.name);
    }
    // Start watching after loading, so loading itself is not re-written.
    this.store.onChange((db) => this.markDirty(db));
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const db of this.dirty) this.writeDatabase(db);
    this.dirty.clear();
  }

  private markDirty(db: string): void {
    this.dirty.add(db);
    this.timer ??= setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  private loadDatabase(db: string): void {
    const dir = join(this.dataDir, db);
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.metadata.json')) continue;
      const name = file.slice(0, -'.metadata.json'.length);
      const metadata = EJSON.parse(readFileSync(join(dir, file), 'utf8')) as { options?: Document; indexes?: IndexSpec[] };
      const collection = this.store.create(db, name, metadata.options ?? {});
      for (const doc of readBsonFile(join(dir, `${name}.bson`))) collection.insert(doc);
      for (const spec of metadata.indexes ?? []) if (spec.name !== '_id_') collection.createIndex(spec);
    }
  }

  private writeDatabase(db: string): void {
    const dir = join(this.dataDir, db);
    const collections = this.store.collections(db);
    if (collections.length === 0) {
      rmSync(dir, { recursive: true, force: true });
      return;
    }
    // Write the whole database beside the old copy, then swap it in.
    const next = `${dir}.writing`;
    rmSync(next, { recursive: true, force: true });
    mkdirSync(next, { recursive: true });
    for (const collection of collections) {
      const docs = collection.all().map((doc) => BSON.serialize(doc));
      writeFileSync(join(next, `${collection.name}.bson`), Buffer.concat(docs));
      const metadata = { options: collection.options, indexes: collection.indexes };
      writeFileSync(join(next, `${collection.name}.metadata.json`), EJSON.stringify(metadata, undefined, 2));
    }
    const previous = `${dir}.previous`;
    rmSync(previous, { recursive: true, force: true });
    if (existsSync(dir)) renameSync(dir, previous);
    renameSync(next, dir);
    rmSync(previous, { recursive: true, force: true });
  }
}

function readBsonFile(path: string): Document[] {
  if (!existsSync(path)) return [];
  const buffer = readFileSync(path);
  const docs: Document[] = [];
  for (let offset = 0; offset < buffer.length; ) {
    const size = buffer.readInt32LE(offset);
    docs.push(BSON.deserialize(buffer.subarray(offset, offset + size)));
    offset += size;
  }
  return docs;
}
