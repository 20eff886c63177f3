// Server-side cursors. Results are computed in full when the cursor opens
// (stored documents are immutable, so this is a consistent snapshot) and
// handed out in batches through getMore.
import { BSON, Long, type Document } from 'bson';
import { CommandError } from './errors';

const DEFAULT_FIRST_BATCH = 101;
// A reply must fit in one BSON document; leave room for the envelope.
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

type OpenCursor = { ns: string; docs: Document[]; position: number; touchedAt: number };

export type BatchOptions = { batchSize?: number; singleBatch?: boolean };

export class Cursors {
  private readonly open = new Map<number, OpenCursor>();
  private nextId = 1;
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    // MongoDB reaps idle cursors after 10 minutes; so do we, without keeping
    // the process alive.
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  close(): void {
    clearInterval(this.sweeper);
    this.open.clear();
  }

  /** The `cursor` reply of find/aggregate/listIndexes/listCollections. */
  first(ns: string, docs: Document[], options: BatchOptions = {}): Document {
    const cursor: OpenCursor = { ns, docs, position: 0, touchedAt: Date.now() };
    const size = options.batchSize ?? DEFAULT_FIRST_BATCH;
    // batchSize 0 on the first batch means "open the cursor, return nothing yet".
    const batch = size === 0 ? [] : takeBatch(cursor, size);
    let id = 0;
    if (!options.singleBatch && cursor.position < docs.length) {
      id = this.nextId++;
      this.open.set(id, cursor);
    }
    return { cursor: { firstBatch: batch, id: Long.fromNumber(id), ns }, ok: 1 };
  }

  more(id: number, collection: string, db: string, batchSize: number | undefined): Document {
    const cursor = this.open.get(id);
    if (!cursor) throw new CommandError(43, 'CursorNotFound', `cursor id ${id} not found`);
    const ns = `${db}.${collection}`;
    if (cursor.ns !== ns) {
      throw new CommandError(13, 'Unauthorized', `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${cursor.ns}`);
    }
    cursor.touchedAt = Date.now();
    const batch = takeBatch(cursor, batchSize ?? Number.POSITIVE_INFINITY);
    const done = cursor.position >= cursor.docs.length;
    if (done) this.open.delete(id);
    return { cursor: { nextBatch: batch, id: Long.fromNumber(done ? 0 : id), ns: cursor.ns }, ok: 1 };
  }

  kill(ids: number[]): { killed: number[]; notFound: number[] } {
    const killed: number[] = [];
    const notFound: number[] = [];
    for (const id of ids) (this.open.delete(id) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  private sweep(): void {
    const cutoff = Date.now() - IDLE_TIMEOUT_MS;
    for (const [id, cursor] of this.open) if (cursor.touchedAt < cutoff) this.open.delete(id);
  }
}

function takeBatch(cursor: OpenCursor, batchSize: number): Document[] {
  const limit = batchSize > 0 ? batchSize : Number.POSITIVE_INFINITY;
  const batch: Document[] = [];
  let bytes = 0;
  while (cursor.position < cursor.docs.length && batch.length < limit) {
    const doc = cursor.docs[cursor.position] as Document;
    bytes += BSON.calculateObjectSize(doc);
    if (batch.length > 0 && bytes > MAX_BATCH_BYTES) break;
    batch.push(doc);
    cursor.position += 1;
  }
  return batch;
}
