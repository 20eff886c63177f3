// Per-file databases: each test file connects the app's mongoose connection
// (lib/db connectDb) to a database of its own and drops it afterwards, so
// files never see each other's data and can run in parallel.
import { randomBytes } from 'node:crypto';
import { relative } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, inject } from 'vitest';
import { connectDb, disconnectDb, ensureIndexes } from '@/lib/db';

export type TestDatabase = {
  /** Server URI without a database (the one global setup provides). */
  readonly serverUri: string;
  /** URI of this file's database. */
  readonly uri: string;
  readonly name: string;
};

/** Registers beforeAll/afterAll hooks; read the fields inside tests. */
export function useTestDatabase(): TestDatabase {
  const state = { serverUri: '', uri: '', name: '' };
  beforeAll(async ({}, suite) => {
    state.serverUri = inject('mongoUri');
    state.name = testDatabaseName(suite.file.filepath);
    state.uri = withDatabase(state.serverUri, state.name);
    await connectDb(state.uri);
    await ensureIndexes();
  });
  afterAll(async () => {
    if (mongoose.connection.readyState === mongoose.ConnectionStates.connected) {
      await mongoose.connection.dropDatabase();
    }
    await disconnectDb();
  });
  return state;
}

/** `tests/integration/db/crud.test.ts` → `t-db-crud-3f9a1c` (MongoDB allows 63 bytes). */
export function testDatabaseName(filePath: string): string {
  const stem = relative(process.cwd(), filePath)
    .replace(/^tests\/integration\//, '')
    .replace(/\.test\.ts$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .slice(0, 48);
  return `t-${stem}-${randomBytes(3).toString('hex')}`;
}

/**
 * `uri` with its database path replaced by `name`. Works for replica-set and
 * +srv URIs. With credentials and no explicit authSource, the original path
 * (or admin) stays the auth database, since the path would otherwise change it.
 */
export function withDatabase(uri: string, name: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/)([^/?]*)(?:\/([^?]*))?(?:\?(.*))?$/.exec(uri);
  if (!match) throw new Error(`Not a MongoDB connection string: ${uri}`);
  const [, scheme, authority = '', path = '', query = ''] = match;
  const params = new URLSearchParams(query);
  if (authority.includes('@') && !params.has('authSource')) params.set('authSource', path || 'admin');
  const search = params.toString();
  return `${scheme}${authority}/${name}${search ? `?${search}` : ''}`;
}
