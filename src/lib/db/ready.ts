import mongoose, { type Mongoose } from 'mongoose';
import { configuredMongoUri, env } from '@/lib/env';
import { closeConnection, connectedUri, DbConnectionError, openConnection } from './connection';
import { AccessChange } from './models/AccessChange';
import { Counter } from './models/Counter';
import { Organization } from './models/Organization';
import { ImportChunk, ImportJob, ImportProblem } from './models/ImportJob';
import { WebhookEvent } from './models/WebhookEvent';

/**
 * Creates every collection and index the models declare (unique and partial
 * unique indexes are what enforce DESIGN.md §3). dbReady runs it; tests that
 * write through the models directly call it after connectDb().
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
 * the unique and partial unique indexes are what enforce DESIGN.md §3. Every
 * function lib/db exports calls it, so callers never connect by hand. The URI
 * is the one given, else the connection already open (a test's own
 * database), else MONGODB_URI. A failure is forgotten so the next call tries
 * again.
 */
function dbReady(uri?: string): Promise<void> {
  const open = connectedUri();
  // Another URI than the open connection's: openConnection refuses it.
  if (uri && open && uri !== open) return openConnection(uri).then(() => undefined);
  const target = uri ?? open ?? env().MONGODB_URI;
  globalForReady.__tenantryDbReady ??= openConnection(target)
    .then(ensureIndexes)
    .then(() => undefined)
    .catch((error: unknown) => {
      delete globalForReady.__tenantryDbReady;
      throw error;
    });
  return globalForReady.__tenantryDbReady;
}

/** Opens the connection to `uri` (default MONGODB_URI): for tests, tools and bench; queries connect themselves. */
export function connectDb(uri?: string): Promise<Mongoose> {
  return openConnection(uri ?? configuredMongoUri() ?? '');
}

/** Closes the connection; the next call to lib/db connects again. */
export async function disconnectDb(): Promise<void> {
  delete globalForReady.__tenantryDbReady;
  await closeConnection();
}

/** The readiness check's probe: connected (with indexes) and answering a `ping`. */
export async function pingDb(): Promise<void> {
  await dbReady();
  const db = mongoose.connection.db;
  if (!db) throw new Error('MongoDB connection has no database');
  await db.admin().command({ ping: 1 });
}

/**
 * The driver's Db behind the app's connection, for the job library (agenda's
 * MongoDB backend takes a Db): the jobs share the app's one connection pool.
 */
export async function nativeDb(): Promise<mongoose.mongo.Db> {
  await dbReady();
  const db = mongoose.connection.db;
  if (!db) throw new DbConnectionError('MongoDB connection has no database');
  return db;
}

/** `fn` run once lib/db is ready: how every query function is exported. */
export function whenReady<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    await dbReady();
    return fn(...args);
  };
}

/** The same for a streamed result (an async generator). */
export function whenReadyStream<A extends unknown[], T>(fn: (...args: A) => AsyncGenerator<T>): (...args: A) => AsyncGenerator<T> {
  return async function* (...args) {
    await dbReady();
    yield* fn(...args);
  };
}
