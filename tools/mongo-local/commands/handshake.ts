// Handshake and housekeeping commands the driver sends on its own.
import type { Document } from 'bson';
import type { CommandHandler } from './context';

export const SERVER_VERSION = '7.0.0';

export const LIMITS = {
  maxBsonObjectSize: 16 * 1024 * 1024,
  maxMessageSizeBytes: 48_000_000,
  maxWriteBatchSize: 100_000,
};

// A standalone server: no setName (so the driver does not expect a replica
// set), no topologyVersion (so it polls instead of streaming heartbeats), no
// compression. Wire version 21 is MongoDB 7.0.
const hello: CommandHandler = ({ connection }) => ({
  helloOk: true,
  isWritablePrimary: true,
  ismaster: true,
  ...LIMITS,
  localTime: new Date(),
  logicalSessionTimeoutMinutes: 30,
  connectionId: connection.id,
  minWireVersion: 0,
  maxWireVersion: 21,
  readOnly: false,
  ok: 1,
});

const buildInfo: CommandHandler = () => ({
  version: SERVER_VERSION,
  versionArray: [7, 0, 0, 0],
  gitVersion: 'mongo-local',
  bits: 64,
  debug: false,
  maxBsonObjectSize: LIMITS.maxBsonObjectSize,
  storageEngines: ['mongo-local'],
  ok: 1,
});

const getParameter: CommandHandler = ({ command }) => {
  const reply: Document = { ok: 1 };
  if (command.featureCompatibilityVersion !== undefined || command.getParameter === '*') {
    reply.featureCompatibilityVersion = { version: '7.0' };
  }
  return reply;
};

export const handshakeCommands: Record<string, CommandHandler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  getParameter,
  // Sessions are accepted (lsid is ignored everywhere) so ending them is a no-op.
  endSessions: () => ({ ok: 1 }),
  whatsmyuri: ({ connection }) => ({ you: connection.remoteAddress, ok: 1 }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  listDatabases: ({ store, command }) => {
    const databases = store.databaseNames().map((name) => ({ name, sizeOnDisk: 0, empty: false }));
    return command.nameOnly
      ? { databases: databases.map(({ name }) => ({ name })), ok: 1 }
      : { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
  },
};
