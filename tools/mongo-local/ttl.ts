// The TTL monitor: like mongod's, a pass every ttlMonitorSleepSecs (60 by
// default) deletes the documents of every TTL index whose indexed field is a
// date (or an array holding one; the earliest counts) older than
// expireAfterSeconds. Other values never expire. A partial TTL index only
// holds the documents its filter matches, so only those expire.
import type { Document } from 'bson';
import { RankEdge } from './compare';
import type { Collection } from './collection';
import type { Edge } from './indexes';
import { valuesAtPath } from './keys';
import type { Store } from './store';

const DATE_RANK = 10;

export function startTtlMonitor(store: Store, sleepSecs: number): () => void {
  const timer = setInterval(() => expireAll(store, new Date()), sleepSecs * 1000);
  // A dev server or a test run should not stay alive for the monitor.
  timer.unref();
  return () => clearInterval(timer);
}

export function expireAll(store: Store, now: Date): number {
  let removed = 0;
  for (const db of store.databaseNames()) for (const collection of store.collections(db)) removed += expire(collection, now);
  return removed;
}

function expire(collection: Collection, now: Date): number {
  let removed = 0;
  for (const index of collection.indexObjects) {
    const seconds = Number(index.spec.expireAfterSeconds?.toString());
    if (index.spec.expireAfterSeconds === undefined || !Number.isFinite(seconds) || index.fields.length !== 1) continue;
    const cutoff = new Date(now.getTime() - seconds * 1000);
    // Dates up to the cutoff, in the index's own order.
    const low: Edge = { value: new RankEdge(DATE_RANK, -1), exclusive: false };
    const high: Edge = { value: cutoff, exclusive: false };
    const range = index.directions[0]! > 0 ? { start: [low], end: [high] } : { start: [high], end: [low] };
    const expired: Document[] = [];
    for (const idKey of index.scan([range], false)) {
      const doc = collection.getByKey(idKey);
      if (doc && earliestDate(doc, index.fields[0]!)! <= cutoff) expired.push(doc);
    }
    for (const doc of expired) collection.remove(doc);
    removed += expired.length;
  }
  return removed;
}

function earliestDate(doc: Document, field: string): Date | undefined {
  const dates = valuesAtPath(doc, field.split('.')).filter((value): value is Date => value instanceof Date);
  return dates.reduce<Date | undefined>((min, date) => (!min || date < min ? date : min), undefined);
}
