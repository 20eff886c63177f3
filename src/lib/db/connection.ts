import mongoose, { type Mongoose } from 'mongoose';

export class DbConnectionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DbConnectionError';
  }
}

type Cache = { uri: string; promise: Promise<Mongoose> };

// Next dev re-evaluates modules on every hot reload; keeping the connection
// promise on globalThis stops each reload from opening another pool.
const globalForDb = globalThis as typeof globalThis & { __tenantryDb?: Cache };

/**
 * The app's one mongoose connection, opened on first use. Commands fail fast
 * instead of queueing while disconnected (`bufferCommands: false`). A failed
 * attempt is forgotten so the next call retries.
 */
export function connectDb(uri: string | undefined = process.env.MONGODB_URI): Promise<Mongoose> {
  if (!uri) {
    return Promise.reject(new DbConnectionError('No MongoDB URI: pass one to connectDb() or set MONGODB_URI'));
  }
  const cached = globalForDb.__tenantryDb;
  if (cached) {
    if (cached.uri === uri) return cached.promise;
    return Promise.reject(
      new DbConnectionError('connectDb() is already connected to a different URI; call disconnectDb() first'),
    );
  }
  const promise = mongoose.connect(uri, { bufferCommands: false }).catch((error: unknown) => {
    if (globalForDb.__tenantryDb?.promise === promise) delete globalForDb.__tenantryDb;
    throw new DbConnectionError(`Cannot connect to MongoDB at ${redactCredentials(uri)}`, { cause: error });
  });
  globalForDb.__tenantryDb = { uri, promise };
  return promise;
}

export async function disconnectDb(): Promise<void> {
  const cached = globalForDb.__tenantryDb;
  delete globalForDb.__tenantryDb;
  if (cached) await cached.promise.then((connection) => connection.disconnect(), () => undefined);
}

function redactCredentials(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

/**
 * The driver's Db behind the app's connection, for the job library (agenda's
 * MongoDB backend takes a Db): the jobs share the app's one connection pool.
 */
export async function nativeDb(uri?: string): Promise<mongoose.mongo.Db> {
  const connection = await connectDb(uri);
  const db = connection.connection.db;
  if (!db) throw new DbConnectionError('MongoDB connection has no database');
  return db;
}
