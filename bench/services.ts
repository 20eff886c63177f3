// The bench's world: mongo-local (own process) and clerk-local (in process,
// for its fault and request-log controls) on loopback, the app's
// configuration pointed at them (lib/env reads process.env lazily, on the
// first delivery), and a way to wipe state between scenarios.
import { type ClerkLocal, startClerkLocal } from '../tools/clerk-local';
import { connectDb, Counter, ensureIndexes, Organization, WebhookEvent } from '@/lib/db';
import { type MongoProcess, startMongoProcess } from './mongoProcess';

export type Bench = { clerk: ClerkLocal; mongo: MongoProcess; stop: () => Promise<void> };

export async function startBench(): Promise<Bench> {
  const mongo = await startMongoProcess();
  // Deliveries paused: the bench posts each payload clerk-local generated itself.
  const clerk = await startClerkLocal({ port: 0, delivery: { paused: true } });
  // monitorCommands lets the bench count the MongoDB commands a delivery sends.
  const mongoUri = `${mongo.uri}tenantry-bench?monitorCommands=true`;
  Object.assign(process.env, {
    ...clerk.env(),
    NODE_ENV: 'production',
    // A production configuration on this machine is refused unless this says it is meant.
    TENANTRY_ALLOW_LOCAL_SERVICES: '1',
    MONGODB_URI: mongoUri,
    // A production instance's limit (DESIGN.md §6): a development one (100 / 10 s)
    // would make the 1,000-user burst take ~5 minutes of pacing alone.
    CLERK_RATE_LIMIT_PER_10S: '1000',
  });
  await connectDb(mongoUri);
  await ensureIndexes();
  return {
    clerk,
    mongo,
    stop: async () => {
      const { disconnectDb } = await import('@/lib/db');
      await disconnectDb();
      await Promise.allSettled([clerk.stop(), mongo.stop()]);
    },
  };
}

/** Empties the app's collections and Clerk's orgs, faults and request log: each scenario starts at test-0001. */
export async function resetState({ clerk }: Bench): Promise<void> {
  await Promise.all([Organization.deleteMany({}), Counter.deleteMany({}), WebhookEvent.deleteMany({})]);
  for (const org of clerk.store.listOrganizations({}, { limit: Number.MAX_SAFE_INTEGER, offset: 0 }).items) {
    clerk.store.deleteOrganization(org.id);
  }
  clerk.faults.reset();
  clerk.requests.clear();
  clerk.deliveries.clear();
}
