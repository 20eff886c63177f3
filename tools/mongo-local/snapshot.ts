// Writing a snapshot without stalling commands: the state is captured as
// references (stored documents are never mutated), then serialized a slice
// at a time between commands, written to snapshot-<seq>.writing, fsync'd and
// renamed into place, so a crash at any point leaves the previous snapshot
// and the journals intact.
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { open, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BSON, EJSON, type Document } from 'bson';
import type { IndexSpec } from './indexes';
import type { Store } from './store';

/** Documents serialized per turn of the event loop. */
const SLICE = 500;

type CollectionState = { db: string; name: string; options: Document; indexes: IndexSpec[]; docs: Document[] };

export function captureSnapshot(store: Store): CollectionState[] {
  return store.databaseNames().flatMap((db) =>
    store.collections(db).map((collection) => ({
      db,
      name: collection.name,
      options: collection.options,
      indexes: collection.indexes.map((spec) => ({ ...spec })),
      docs: collection.all(),
    })),
  );
}

const nextTurn = () => new Promise<void>((done) => setImmediate(done));

export async function writeSnapshot(dataDir: string, seq: number, state: CollectionState[]): Promise<void> {
  const target = join(dataDir, `snapshot-${seq}`);
  const writing = `${target}.writing`;
  rmSync(writing, { recursive: true, force: true });
  mkdirSync(writing, { recursive: true });
  for (const collection of state) {
    const dir = join(writing, collection.db);
    mkdirSync(dir, { recursive: true });
    const file = await open(join(dir, `${collection.name}.bson`), 'w');
    try {
      for (let at = 0; at < collection.docs.length; at += SLICE) {
        const slice = collection.docs.slice(at, at + SLICE).map((doc) => BSON.serialize(doc));
        await file.write(Buffer.concat(slice));
        await nextTurn();
      }
      await file.sync();
    } finally {
      await file.close();
    }
    const metadata = { options: collection.options, indexes: collection.indexes };
    await writeFile(join(dir, `${collection.name}.metadata.json`), EJSON.stringify(metadata, undefined, 2));
    syncPath(join(dir, `${collection.name}.metadata.json`));
    syncPath(dir);
  }
  syncPath(writing);
  await rename(writing, target);
  syncPath(dataDir);
}

function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
