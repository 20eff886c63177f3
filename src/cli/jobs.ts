// `npm run jobs`: a worker process that runs the background jobs (CSV
// imports, the resume sweep, scheduled reconcile) for app instances that do
// not (TENANTRY_JOBS=0, or a serverless host whose functions cannot run for
// minutes). Reads the same configuration as the app. Stops cleanly on
// SIGINT/SIGTERM: a running import saves its place for the next runner.
import nextEnv from '@next/env';

nextEnv.loadEnvConfig(process.cwd());
const { disconnectDb } = await import('@/lib/db');
const { log } = await import('@/lib/log');
const { backgroundJobs, stopBackgroundJobs } = await import('@/lib/tenants');

await backgroundJobs();
log.info('job worker running; stop with Ctrl-C');
const stop = async () => {
  await stopBackgroundJobs();
  await disconnectDb();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
