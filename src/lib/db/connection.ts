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
export function openConnection(uri: string): Promise<Mongoose> {
  if (!uri) return Promise.reject(new DbConnectionError('No MongoDB URI: set MONGODB_URI'));
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

/** MongoDB could not be reached (no connection, no server, network down): worth retrying later. */
export function isDbUnavailable(error: unknown): boolean {
  return (
    error instanceof DbConnectionError ||
    error instanceof mongoose.mongo.MongoNetworkError ||
    error instanceof mongoose.mongo.MongoServerSelectionError ||
    error instanceof mongoose.mongo.MongoNotConnectedError
  );
}

/** The driver's database handle (what the job library takes). */
export type NativeDb = mongoose.mongo.Db;

/** The URI of the connection opened (or being opened), if any. */
export function connectedUri(): string | undefined {
  return globalForDb.__tenantryDb?.uri;
}

export async function closeConnection(): Promise<void> {
  const cached = globalForDb.__tenantryDb;
  delete globalForDb.__tenantryDb;
  if (cached) await cached.promise.then((connection) => connection.disconnect(), () => undefined);
}

function redactCredentials(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
