// The journal's file format: what a killed process leaves behind (a record
// cut short, or a checksum that does not match) is dropped and cut from the
// file, and everything before it is replayed in order.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal, journalPath, readJournal } from '../../../tools/mongo-local/journal';
import { Store } from '../../../tools/mongo-local/store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function journalWith(count: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'journal-'));
  dirs.push(dir);
  const journal = new Journal(dir, 1);
  for (let i = 0; i < count; i += 1) journal.append({ op: 'put', db: 'd', coll: 'c', doc: { _id: i, v: `value ${i}` } });
  await journal.close();
  return journalPath(dir, 1);
}

describe('readJournal', () => {
  it('returns every change in the order it was appended', async () => {
    const changes = readJournal(await journalWith(3));
    expect(changes.map((change) => (change.op === 'put' ? change.doc._id : null))).toEqual([0, 1, 2]);
  });

  it('drops a torn last record and truncates the file to the records before it', async () => {
    const path = await journalWith(3);
    const whole = statSync(path).size;
    appendFileSync(path, readFileSync(path).subarray(0, 20));
    expect(readJournal(path)).toHaveLength(3);
    expect(statSync(path).size).toBe(whole);
  });

  it('stops at a record whose checksum does not match', async () => {
    const path = await journalWith(3);
    const bytes = readFileSync(path);
    const second = 4 + bytes.readInt32LE(4);
    bytes[second + 10] = bytes[second + 10]! ^ 0xff;
    writeFileSync(path, bytes);
    expect(readJournal(path)).toHaveLength(1);
  });

  it('replays into a store: inserts, replacements, removals and indexes', () => {
    const store = new Store();
    store.apply({ op: 'create', db: 'd', coll: 'c', options: {} });
    store.apply({ op: 'createIndex', db: 'd', coll: 'c', spec: { v: 2, key: { v: 1 }, name: 'v_1', unique: true } });
    store.apply({ op: 'put', db: 'd', coll: 'c', doc: { _id: 1, v: 'a' } });
    store.apply({ op: 'put', db: 'd', coll: 'c', doc: { _id: 1, v: 'b' } });
    store.apply({ op: 'put', db: 'd', coll: 'c', doc: { _id: 2, v: 'a' } });
    store.apply({ op: 'remove', db: 'd', coll: 'c', id: 2 });
    const collection = store.get('d', 'c')!;
    expect(collection.all()).toEqual([{ _id: 1, v: 'b' }]);
    expect(collection.indexes.map((index) => index.name)).toEqual(['_id_', 'v_1']);
  });
});
