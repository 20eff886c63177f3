// lib/jobs: background jobs on agenda (a MongoDB-backed job library: locking,
// lock lifetimes, several workers sharing one collection). The app defines
// what runs; this module owns the library and the process's one runner.
import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, type Job } from 'agenda';
import type { NativeDb } from '@/lib/db';
import { log } from '@/lib/log';

type JobContext = {
  /** True once the runner is stopping: a long job saves its place and returns. */
  stopping: () => boolean;
  /** Keeps agenda's lock on a long job (call between steps). */
  touch: () => Promise<void>;
};

export type JobDefinition = {
  name: string;
  run: (data: Record<string, unknown>, context: JobContext) => Promise<void>;
  /** agenda takes the job back from a runner that has not touched it for this long. */
  lockLifetimeMs: number;
  /** Runs at most this many of the job at once in this process. */
  concurrency?: number;
  /** A recurring job: one schedule shared by every instance (agenda keeps one document per name). */
  everyMs?: number;
  /** A recurring job's first run comes one interval after start, not at once. */
  skipImmediate?: boolean;
};

export type JobRunner = {
  enqueue(name: string, data: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
};

const JOBS_COLLECTION = 'agenda_jobs';
const LOCKS_COLLECTION = 'job_locks';

type LockDoc = { _id: string; owner: string; until: Date };

/**
 * A recurring job runs on one instance at a time. agenda locks a job while it
 * runs, but another instance starting up re-saves the schedule and can free
 * that lock (seen with three runners on one database), so recurring jobs also
 * take this lease: one document per job name, taken over only once expired.
 */
async function withLease(db: NativeDb, name: string, lifetimeMs: number, run: () => Promise<void>): Promise<void> {
  const locks = db.collection<LockDoc>(LOCKS_COLLECTION);
  const owner = `${process.pid}:${Math.random().toString(36).slice(2)}`;
  const now = new Date();
  const until = new Date(now.getTime() + lifetimeMs);
  let held = false;
  try {
    await locks.insertOne({ _id: name, owner, until });
    held = true;
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 11000)) throw error;
    held = (await locks.findOneAndUpdate({ _id: name, until: { $lt: now } }, { $set: { owner, until } })) !== null;
  }
  if (!held) return; // running elsewhere
  try {
    await run();
  } finally {
    await locks.deleteOne({ _id: name, owner });
  }
}

/**
 * Starts a runner polling MongoDB every `pollMs` (agenda's MongoDB backend has
 * no change notifications, so a new job waits at most one poll).
 */
export async function startJobRunner({ db, definitions, pollMs }: { db: NativeDb; definitions: JobDefinition[]; pollMs: number }): Promise<JobRunner> {
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: db as never, collection: JOBS_COLLECTION }),
    processEvery: pollMs,
    removeOnComplete: true,
  });
  let stopping = false;
  const running = new Set<Promise<void>>();
  agenda.on('error', (error) => log.error({ err: error }, 'job runner error'));
  for (const definition of definitions) {
    agenda.define(
      definition.name,
      async (job: Job<Record<string, unknown>>) => {
        const context = { stopping: () => stopping, touch: () => job.touch() };
        const run = definition.everyMs
          ? withLease(db, definition.name, definition.lockLifetimeMs, () => definition.run(job.attrs.data ?? {}, context))
          : definition.run(job.attrs.data ?? {}, context);
        const settled = run.then(
          () => undefined,
          () => undefined,
        );
        running.add(settled);
        try {
          await run;
        } catch (error) {
          log.error({ err: error, job: definition.name }, 'background job failed');
          throw error;
        } finally {
          running.delete(settled);
        }
      },
      { lockLifetime: definition.lockLifetimeMs, concurrency: definition.concurrency ?? 1 },
    );
  }
  await agenda.start();
  for (const definition of definitions) {
    if (definition.everyMs) await agenda.every(definition.everyMs, definition.name, {}, { skipImmediate: definition.skipImmediate ?? false });
  }
  return {
    async enqueue(name, data) {
      await agenda.now(name, data);
    },
    async stop() {
      stopping = true;
      // Long jobs see `stopping` at their next step, save their place and
      // return; then agenda releases whatever it had locked for this runner.
      await Promise.all(running);
      await agenda.stop(false);
    },
  };
}
