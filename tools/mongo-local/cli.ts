// `npx tsx tools/mongo-local/cli.ts [--port 27017] [--host 127.0.0.1] [--data-dir .data/mongo]`
// Prints the URI to use as MONGODB_URI, then serves until interrupted.
import { parseArgs } from 'node:util';
import { startMongoLocal } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '27017' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`mongo-local: --port must be an integer between 0 and 65535, got '${values.port}'`);
  process.exit(2);
}

try {
  const server = await startMongoLocal({ port, host: values.host, dataDir: values['data-dir'] });
  const storage = values['data-dir'] ? `data in ${values['data-dir']}` : 'in memory only';
  console.log(`mongo-local listening: MONGODB_URI=${server.uri} (${storage})`);
  const shutdown = () => {
    // Stopping flushes the data directory; exit once that is done.
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
