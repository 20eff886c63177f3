// The write-ahead journal: every change is appended to <dataDir>/journal/
// <seq>.journal as [crc32][BSON change]. The changes of a command are written
// to the file (write(2): the OS holds them even if this process is killed)
// before its reply goes out. fdatasync follows within 100 ms, as mongod's
// journal commit interval, or before the reply when the client asks for
// j: true or w: 'majority'; those waiting share one flush (group commit).
import { closeSync, fdatasync, fsyncSync, openSync, readFileSync, readdirSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { BSON } from 'bson';
import type { Change } from './store';

const fdatasyncAsync = promisify(fdatasync);
/** mongod's default journalCommitInterval. */
const COMMIT_INTERVAL_MS = 100;

type Waiter = { seq: number; done: (error?: Error) => void };

export class Journal {
  private fd: number;
  private pending: Buffer[] = [];
  private appended = 0;
  private written = 0;
  private synced = 0;
  private syncing = false;
  private commitScheduled = false;
  private waiters: Waiter[] = [];
  /** Files rotated away from: synced once more, then closed. */
  private retired: number[] = [];
  private failure: Error | undefined;
  private readonly timer: NodeJS.Timeout;
  /** Bytes appended to the current file: the trigger for a snapshot. */
  bytesInFile = 0;

  constructor(
    private readonly dir: string,
    public seq: number,
  ) {
    this.fd = openJournal(dir, seq);
    this.timer = setInterval(() => {
      if (this.synced < this.written || this.retired.length > 0) void this.sync();
    }, COMMIT_INTERVAL_MS);
    this.timer.unref();
  }

  append(change: Change): void {
    const body = BSON.serialize(change);
    const record = Buffer.allocUnsafe(4 + body.length);
    record.writeUInt32LE(crc32(body), 0);
    record.set(body, 4);
    this.pending.push(record);
    this.appended += 1;
    this.bytesInFile += record.length;
    // Changes made outside a command (the TTL monitor) are written too.
    if (!this.commitScheduled) {
      this.commitScheduled = true;
      setImmediate(() => this.commit());
    }
  }

  /** Writes what was appended to the file. Throws if the journal cannot be written. */
  commit(): void {
    this.commitScheduled = false;
    if (this.failure) throw this.failure;
    if (this.pending.length === 0) return;
    const data = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    try {
      for (let offset = 0; offset < data.length; ) offset += writeSync(this.fd, data, offset);
    } catch (error) {
      // A journal that cannot be written makes mongod stop; here every later
      // reply fails instead, so nothing more is acknowledged.
      this.failure = new Error('mongo-local could not write its journal', { cause: error });
      throw this.failure;
    }
    this.written = this.appended;
  }

  /** Calls `done` once everything appended so far is fsync'd (at once if it already is). */
  afterSynced(done: (error?: Error) => void): void {
    try {
      this.commit();
    } catch (error) {
      return done(error as Error);
    }
    if (this.synced >= this.written) return done();
    this.waiters.push({ seq: this.written, done });
    void this.sync();
  }

  /** Starts the next journal file; what was appended before stays in the old one. Returns the old seq. */
  rotate(): number {
    this.commit();
    const previous = this.seq;
    this.retired.push(this.fd);
    this.seq += 1;
    this.fd = openJournal(this.dir, this.seq);
    this.bytesInFile = 0;
    return previous;
  }

  /** Everything written and synced, file closed: for a clean stop. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await new Promise<void>((done) => this.afterSynced(() => done()));
    while (this.syncing || this.retired.length > 0) await this.sync();
    closeSync(this.fd);
  }

  private async sync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      do {
        const target = this.written;
        const retired = this.retired;
        this.retired = [];
        for (const fd of retired) {
          await fdatasyncAsync(fd);
          closeSync(fd);
        }
        await fdatasyncAsync(this.fd);
        this.synced = target;
        const ready = this.waiters.filter((waiter) => waiter.seq <= target);
        this.waiters = this.waiters.filter((waiter) => waiter.seq > target);
        for (const waiter of ready) waiter.done();
      } while (this.waiters.length > 0);
    } catch (error) {
      this.failure = new Error('mongo-local could not sync its journal', { cause: error });
      for (const waiter of this.waiters.splice(0)) waiter.done(this.failure);
    } finally {
      this.syncing = false;
    }
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
