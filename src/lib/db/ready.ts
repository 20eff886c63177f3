import mongoose from 'mongoose';
import { connectDb } from './connection';
import { AccessChange } from './models/AccessChange';
import { Counter } from './models/Counter';
import { Organization } from './models/Organization';
import { ImportChunk, ImportJob, ImportProblem } from './models/ImportJob';
import { WebhookEvent } from './models/WebhookEvent';

/**
 * Creates every collection and index the models declare (unique and partial
 * unique indexes are what enforce DESIGN.md §3). Call after connectDb().
 */
export async function ensureIndexes(): Promise<void> {
  await Promise.all([
    Organization.init(),
    Counter.init(),
    WebhookEvent.init(),
    AccessChange.init(),
    ImportJob.init(),
    ImportChunk.init(),
    ImportProblem.init(),
  ]);
}

const globalForReady = globalThis as typeof globalThis & { __tenantryDbReady?: Promise<void> };

/**
 * Connects (once) and makes sure every index exists before the first query:
 * the unique and partial unique indexes are what enforce DESIGN.md §3. A
 * failure is forgotten so the next request tries again.
 */
export function dbReady(uri?: string): Promise<void> {
  globalForReady.__tenantryDbReady ??= connectDb(uri)
    .then(ensureIndexes)
    .then(() => undefined)
    .catch((error: unknown) => {
      delete globalForReady.__tenantryDbReady;
      throw error;
    });
  return globalForReady.__tenantryDbReady;
}

/** The readiness check's probe: connected (with indexes) and answering a `ping`. */
export async function pingDb(uri: string): Promise<void> {
  await dbReady(uri);
  const db = mongoose.connection.db;
  if (!db) throw new Error('MongoDB connection has no database');
  await db.admin().command({ ping: 1 });
}
