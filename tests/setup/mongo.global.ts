// Vitest global setup for the integration project: one MongoDB for the whole
// run. TEST_MONGODB_URI points the suite at a real MongoDB; otherwise
// tools/mongo-local is started on a free port and stopped at the end.
import type { TestProject } from 'vitest/node';
import { startMongoLocal } from '../../tools/mongo-local';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URI without a database; tests/setup/db.ts adds one per file. */
    mongoUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_MONGODB_URI;
  if (external) {
    project.provide('mongoUri', external);
    return async () => {};
  }
  const server = await startMongoLocal({ port: 0 });
  project.provide('mongoUri', server.uri);
  return () => server.stop();
}
