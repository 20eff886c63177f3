// The write-ahead journal: every change is appended to <dataDir>/journal/
// <seq>.journal as [crc32][BSON change], and a reply that follows a change
// is sent only once that change is fsync'd. Changes that arrive while a
// flush is running share the next write and fdatasync (group commit), so
// concurrent writers pay one disk flush between them.
import { closeSync, fdatasync, fsyncSync, openSync, readFileSync, readdirSync, truncateSync, write } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { BSON } from 'bson';
import type { Change } from './store';

const writeAsync = promisify(write);
const fdatasyncAsync = promisify(fdatasync);

type Batch = { fd: number; chunks: Buffer[]; lastSeq: number; close: boolean };
type Waiter = { seq: number; done: (error?: Error) => void };

export class Journal {
  private fd: number;
  private batches: Batch[] = [];
  private waiters: Waiter[] = [];
  private appended = 0;
  private durable = 0;
  private flushing = false;
  private failure: Error | undefined;
  /** Bytes appended to the current file: the trigger for a snapshot. */
  bytesInFile = 0;

  constructor(
    private readonly dir: string,
    public seq: number,
  ) {
    this.fd = openJournal(dir, seq);
  }

  append(change: Change): void {
    const body = BSON.serialize(change);
    const record = Buffer.allocUnsafe(4 + body.length);
    record.writeUInt32LE(crc32(body), 0);
    record.set(body, 4);
    let batch = this.batches.at(-1);
    if (!batch || batch.fd !== this.fd || batch.close) {
      batch = { fd: this.fd, chunks: [], lastSeq: 0, close: false };
      this.batches.push(batch);
    }
    batch.chunks.push(record);
    batch.lastSeq = ++this.appended;
    this.bytesInFile += record.length;
    this.schedule();
  }

  /** Calls `done` once everything appended so far is on disk (at once if it already is). */
  afterDurable(done: (error?: Error) => void): void {
    if (this.failure) return done(this.failure);
    if (this.durable === this.appended) return done();
    this.waiters.push({ seq: this.appended, done });
  }

  /** Starts the next journal file; what was appended before stays in the old one. Returns the old seq. */
  rotate(): number {
    const previous = this.seq;
    const last = this.batches.at(-1);
    if (last && last.fd === this.fd) last.close = true;
    else this.batches.push({ fd: this.fd, chunks: [], lastSeq: this.appended, close: true });
    this.seq += 1;
    this.fd = openJournal(this.dir, this.seq);
    this.bytesInFile = 0;
    this.schedule();
    return previous;
  }

  /** Everything appended, written and synced: for a clean stop. */
  async close(): Promise<void> {
    await new Promise<void>((done) => this.afterDurable(() => done()));
    closeSync(this.fd);
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = true;
    // setImmediate lets every command already read from the sockets append first.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    while (this.batches.length > 0) {
      const batches = this.batches;
      this.batches = [];
      try {
        for (const batch of batches) {
          const data = batch.chunks.length === 1 ? batch.chunks[0]! : Buffer.concat(batch.chunks);
          let offset = 0;
          while (offset < data.length) offset += (await writeAsync(batch.fd, data, offset)).bytesWritten;
          await fdatasyncAsync(batch.fd);
          if (batch.close) closeSync(batch.fd);
          this.durable = Math.max(this.durable, batch.lastSeq);
        }
      } catch (error) {
        // A journal that cannot be written makes mongod stop; here every
        // waiting and later reply fails instead, so nothing is acknowledged.
        this.failure = new Error('mongo-local could not write its journal', { cause: error });
      }
      const ready = this.failure ? this.waiters : this.waiters.filter((w) => w.seq <= this.durable);
      this.waiters = this.failure ? [] : this.waiters.filter((w) => w.seq > this.durable);
      for (const waiter of ready) waiter.done(this.failure);
    }
    this.flushing = false;
  }
}

// The new file's directory entry is synced too, or a crash could lose the file.
function openJournal(dir: string, seq: number): number {
  const fd = openSync(journalPath(dir, seq), 'a');
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
  return fd;
}

export function journalPath(dir: string, seq: number): string {
  return join(dir, `${String(seq).padStart(8, '0')}.journal`);
}

export function journalSeqs(dir: string): number[] {
  return readdirSync(dir)
    .map((file) => /^(\d+)\.journal$/.exec(file)?.[1])
    .filter((seq): seq is string => seq !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The changes in one journal file, in order. A record cut short or failing
 * its checksum is the tail of a write that was never acknowledged: it and
 * anything after it are dropped (and cut from the file).
 */
export function readJournal(path: string): Change[] {
  const buffer = readFileSync(path);
  const changes: Change[] = [];
  let offset = 0;
  while (offset + 9 <= buffer.length) {
    const size = buffer.readInt32LE(offset + 4);
    const end = offset + 4 + size;
    if (size < 5 || end > buffer.length) break;
    const body = buffer.subarray(offset + 4, end);
    if (crc32(body) !== buffer.readUInt32LE(offset)) break;
    changes.push(BSON.deserialize(body, { promoteValues: true }) as Change);
    offset = end;
  }
  if (offset < buffer.length) truncateSync(path, offset);
  return changes;
}
