// Durable storage under --data-dir: a journal of every change (journal.ts)
// on top of the last snapshot. Layout:
//   <dataDir>/snapshot-<seq>/<db>/<collection>.bson (+ .metadata.json)
//     mongodump's layout; it holds everything journaled up to file <seq>
//   <dataDir>/journal/<seq>.journal  changes after that snapshot
// Start-up loads the newest complete snapshot and replays the newer journals
// (journal.ts says when a change is written and when it is fsync'd).
// Once a journal file grows past a threshold, a snapshot is written in the
// background (snapshot.ts) and the journals it covers are deleted.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BSON, EJSON, type Document } from 'bson';
import type { IndexSpec } from './indexes';
import { Journal, journalPath, journalSeqs, readJournal } from './journal';
import { captureSnapshot, writeSnapshot } from './snapshot';
import type { Store } from './store';

/** A snapshot once the current journal file holds this much. */
const SNAPSHOT_AFTER_BYTES = 64 * 1024 * 1024;

export class Persistence {
  private journal: Journal | undefined;
  private snapshotting: Promise<void> | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly store: Store,
  ) {}

  load(): void {
    const journalDir = join(this.dataDir, 'journal');
    mkdirSync(journalDir, { recursive: true });
    const snapshots = snapshotSeqs(this.dataDir);
    const base = snapshots.at(-1);
    if (base !== undefined) loadDatabases(join(this.dataDir, `snapshot-${base}`), this.store);
    else loadLegacyLayout(this.dataDir, this.store);
    const seqs = journalSeqs(journalDir).filter((seq) => base === undefined || seq > base);
    for (const seq of seqs) for (const change of readJournal(journalPath(journalDir, seq))) this.store.apply(change);
    // Always a fresh file: an older one may end in a torn record.
    this.journal = new Journal(journalDir, Math.max(base ?? 0, ...seqs) + 1);
    // Start recording after loading, so loading itself is not journaled again.
    this.store.onChange((change) => {
      this.journal?.append(change);
      if (this.journal && this.journal.bytesInFile > SNAPSHOT_AFTER_BYTES) void this.snapshot();
    });
  }

  /**
   * Sends a reply once the changes before it are in the journal file, and,
   * if `sync` (j: true, w: 'majority'), fsync'd. `send` gets an error when
   * the journal failed: the write must not be acknowledged.
   */
  afterJournaled(sync: boolean, send: (error?: Error) => void): void {
    if (!this.journal) return send();
    if (sync) return this.journal.afterSynced(send);
    try {
      this.journal.commit();
    } catch (error) {
      return send(error as Error);
    }
    send();
  }

  /**
   * Captures the data as it is now (documents are immutable, so holding the
   * references is a consistent copy), rotates the journal at that same
   * instant, and writes the snapshot without blocking commands.
   */
  snapshot(): Promise<void> {
    if (this.snapshotting || !this.journal) return this.snapshotting ?? Promise.resolve();
    const state = captureSnapshot(this.store);
    const covered = this.journal.rotate();
    this.snapshotting = writeSnapshot(this.dataDir, covered, state)
      .then(() => this.prune(covered))
      .catch((error: unknown) => {
        // The journal still holds everything; the next snapshot tries again.
        console.error('mongo-local: writing a snapshot failed', error);
      })
      .finally(() => {
        this.snapshotting = undefined;
      });
    return this.snapshotting;
  }

  /** A clean stop: journal synced, then one snapshot so the next start replays nothing. */
  async close(): Promise<void> {
    await this.snapshotting;
    await this.snapshot();
    await this.journal?.close();
    this.journal = undefined;
  }

  private prune(covered: number): void {
    for (const seq of snapshotSeqs(this.dataDir)) {
      if (seq < covered) rmSync(join(this.dataDir, `snapshot-${seq}`), { recursive: true, force: true });
    }
    const journalDir = join(this.dataDir, 'journal');
    for (const seq of journalSeqs(journalDir)) if (seq <= covered) rmSync(journalPath(journalDir, seq), { force: true });
    // The pre-journal layout (one folder per database) is now in the snapshot;
    // only folders holding nothing but its files are removed.
    for (const entry of readdirSync(this.dataDir, { withFileTypes: true })) {
      const path = join(this.dataDir, entry.name);
      if (entry.isDirectory() && !isOwnEntry(entry.name) && isLegacyDatabase(path)) rmSync(path, { recursive: true, force: true });
    }
  }
}

const isOwnEntry = (name: string) => name === 'journal' || /^snapshot-\d+$/.test(name);

const isLegacyDatabase = (path: string) =>
  readdirSync(path).every((file) => file.endsWith('.bson') || file.endsWith('.metadata.json'));

function snapshotSeqs(dataDir: string): number[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir)
    .map((entry) => /^snapshot-(\d+)$/.exec(entry)?.[1])
    .filter((seq): seq is string => seq !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

// Before the journal, each database was a folder directly under dataDir,
// swapped in through '<db>.previous' / '<db>.writing'.
function loadLegacyLayout(dataDir: string, store: Store): void {
  for (const entry of readdirSync(dataDir)) {
    const db = entry.slice(0, -'.previous'.length);
    if (entry.endsWith('.previous') && !existsSync(join(dataDir, db))) renameSync(join(dataDir, entry), join(dataDir, db));
  }
  const dbs = readdirSync(dataDir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.includes('.'));
  for (const entry of dbs) if (!isOwnEntry(entry.name)) loadDatabase(join(dataDir, entry.name), entry.name, store);
}

function loadDatabases(dir: string, store: Store): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) loadDatabase(join(dir, entry.name), entry.name, store);
  }
}

function loadDatabase(dir: string, db: string, store: Store): void {
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.metadata.json')) continue;
    const name = file.slice(0, -'.metadata.json'.length);
    const metadata = EJSON.parse(readFileSync(join(dir, file), 'utf8')) as { options?: Document; indexes?: IndexSpec[] };
    const collection = store.create(db, name, metadata.options ?? {});
    for (const doc of readBsonFile(join(dir, `${name}.bson`))) collection.insert(doc);
    for (const spec of metadata.indexes ?? []) if (spec.name !== '_id_') collection.createIndex(spec);
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
