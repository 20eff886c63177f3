// The TTL monitor's rule, checked at a fixed instant: a document expires when
// its indexed field is a date (or an array with one; the earliest counts)
// at least expireAfterSeconds old; other values never expire; a partial TTL
// index expires only the documents its filter matches.
import { describe, expect, it } from 'vitest';
import { normalizeIndexSpec } from '../../../tools/mongo-local/indexes';
import { Store } from '../../../tools/mongo-local/store';
import { expireAll } from '../../../tools/mongo-local/ttl';

const now = new Date('2026-11-26T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

function collectionWith(spec: Record<string, unknown>) {
  const store = new Store();
  const collection = store.create('db', 'events');
  collection.createIndex(normalizeIndexSpec({ name: 'ttl', ...spec }));
  return { store, collection, ids: () => collection.all().map((doc) => doc._id as string).sort() };
}

describe('TTL expiry', () => {
  it('deletes dates older than expireAfterSeconds and keeps newer dates and non-dates', () => {
    const { store, collection, ids } = collectionWith({ key: { at: 1 }, expireAfterSeconds: 3600 });
    collection.insert({ _id: 'old', at: ago(3601) });
    collection.insert({ _id: 'exact', at: ago(3600) });
    collection.insert({ _id: 'new', at: ago(3599) });
    collection.insert({ _id: 'string', at: ago(99_999).toISOString() });
    collection.insert({ _id: 'number', at: 0 });
    collection.insert({ _id: 'missing' });
    collection.insert({ _id: 'old-in-array', at: ['x', ago(7200), now] });
    collection.insert({ _id: 'new-array', at: [ago(10), now] });
    expect(expireAll(store, now)).toBe(3);
    expect(ids()).toEqual(['missing', 'new', 'new-array', 'number', 'string']);
  });

  it('works on a descending index and a nested field', () => {
    const { store, collection, ids } = collectionWith({ key: { 'meta.at': -1 }, expireAfterSeconds: 0 });
    collection.insert({ _id: 'past', meta: { at: ago(1) } });
    collection.insert({ _id: 'future', meta: { at: new Date(now.getTime() + 1000) } });
    expect(expireAll(store, now)).toBe(1);
    expect(ids()).toEqual(['future']);
  });

  it('expires only what a partial TTL index holds', () => {
    const { store, collection, ids } = collectionWith({
      key: { createdAt: 1 },
      expireAfterSeconds: 60,
      partialFilterExpression: { status: 'processed' },
    });
    collection.insert({ _id: 'processed-old', status: 'processed', createdAt: ago(120) });
    collection.insert({ _id: 'failed-old', status: 'failed', createdAt: ago(120) });
    collection.insert({ _id: 'processed-new', status: 'processed', createdAt: ago(30) });
    expect(expireAll(store, now)).toBe(1);
    expect(ids()).toEqual(['failed-old', 'processed-new']);
  });

  it('leaves collections without a TTL index alone', () => {
    const { store, collection } = collectionWith({ key: { at: 1 } });
    collection.insert({ _id: 'old', at: ago(1e9) });
    expect(expireAll(store, now)).toBe(0);
  });
});
