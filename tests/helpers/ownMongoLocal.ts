import { afterAll, beforeAll } from 'vitest';
import { connectDb, disconnectDb, ensureIndexes } from '@/lib/db';
import { type MongoLocalOptions, startMongoLocal } from '../../tools/mongo-local';

/**
 * A mongo-local of the test file's own (e.g. a fast TTL monitor), lib/db
 * connected to `database` on it with every index built; stopped after the file.
 */
export function useOwnMongoLocal(database: string, options: Omit<MongoLocalOptions, 'port'> = {}): void {
  let stop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const server = await startMongoLocal({ port: 0, ...options });
    stop = () => server.stop();
    await connectDb(`${server.uri}${database}`);
    await ensureIndexes();
  });
  afterAll(async () => {
    await disconnectDb();
    await stop();
  });
}
