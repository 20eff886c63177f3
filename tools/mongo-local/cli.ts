// `npx tsx tools/mongo-local/cli.ts [--port 27017] [--host 127.0.0.1] [--data-dir .data/mongo]
//   [--ttl-monitor-sleep-secs 60]`
// Prints the URI to use as MONGODB_URI, then serves until interrupted.
import { parseArgs } from 'node:util';
import { startMongoLocal } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '27017' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
    'ttl-monitor-sleep-secs': { type: 'string', default: '60' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`mongo-local: --port must be an integer between 0 and 65535, got '${values.port}'`);
  process.exit(2);
}

const ttlMonitorSleepSecs = Number(values['ttl-monitor-sleep-secs']);
if (!(ttlMonitorSleepSecs > 0)) {
  console.error(`mongo-local: --ttl-monitor-sleep-secs must be a positive number, got '${values['ttl-monitor-sleep-secs']}'`);
  process.exit(2);
}

try {
  const server = await startMongoLocal({ port, host: values.host, dataDir: values['data-dir'], ttlMonitorSleepSecs });
  const storage = values['data-dir'] ? `data in ${values['data-dir']}` : 'in memory only';
  console.log(`mongo-local listening: MONGODB_URI=${server.uri} (${storage})`);
  const shutdown = () => {
    // Stopping syncs the journal and writes a snapshot; exit once that is done.
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
