// The TCP server: frames messages, runs each command to completion, replies.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { resolve } from 'node:path';
import type { Document } from 'bson';
import { LIMITS, runCommand, type ConnectionInfo } from './commands';
import { Cursors } from './cursors';
import { Persistence } from './persistence';
import { Store } from './store';
import { startTtlMonitor } from './ttl';
import { WireError, encodeLegacyReply, encodeMsgReply, nextMessageLength, parseRequest } from './wire';

export type MongoLocalOptions = {
  /** 0 picks a free port. Default 27017. */
  port?: number;
  /** Default 127.0.0.1: a dev database should not listen on the network. */
  host?: string;
  /** Keep data across restarts in this directory (created if missing): journal + snapshots. */
  dataDir?: string;
  /** Seconds between two passes of the TTL monitor (fractions allowed). Default 60, as mongod's ttlMonitorSleepSecs. */
  ttlMonitorSleepSecs?: number;
};

export type MongoLocal = {
  uri: string;
  host: string;
  port: number;
  stop(): Promise<void>;
};

export class PortInUseError extends Error {
  constructor(host: string, port: number, options?: ErrorOptions) {
    super(
      `mongo-local cannot listen on ${host}:${port}: the port is already in use ` +
        `(another mongo-local or mongod?). Stop that process or choose another port.`,
      options,
    );
    this.name = 'PortInUseError';
  }
}

export async function startMongoLocal(options: MongoLocalOptions = {}): Promise<MongoLocal> {
  const host = options.host ?? '127.0.0.1';
  const ttlMonitorSleepSecs = options.ttlMonitorSleepSecs ?? 60;
  if (!(ttlMonitorSleepSecs > 0 && Number.isFinite(ttlMonitorSleepSecs))) {
    throw new RangeError(`mongo-local: ttlMonitorSleepSecs must be a positive number of seconds, got ${String(options.ttlMonitorSleepSecs)}`);
  }
  const store = new Store();
  const persistence = options.dataDir ? new Persistence(resolve(options.dataDir), store) : undefined;
  persistence?.load();
  const cursors = new Cursors();
  const stopTtlMonitor = startTtlMonitor(store, ttlMonitorSleepSecs);
  const sockets = new Set<Socket>();
  let lastConnectionId = 0;

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const connection = { id: ++lastConnectionId, remoteAddress: `${socket.remoteAddress}:${socket.remotePort}` };
    serveConnection(
      socket,
      (message) => respond(message, { store, cursors, connection }),
      (sync, send) => (persistence ? persistence.afterJournaled(sync, send) : send()),
    );
  });

  try {
    await listen(server, options.port ?? 27017, host);
  } catch (error) {
    stopTtlMonitor();
    cursors.close();
    await persistence?.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const uriHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    uri: `mongodb://${uriHost}:${port}/`,
    host,
    port,
    async stop() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      for (const socket of sockets) socket.destroy();
      await closed;
      stopTtlMonitor();
      await persistence?.close();
      cursors.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      fail(error.code === 'EADDRINUSE' ? new PortInUseError(host, port, { cause: error }) : error);
    });
    server.listen(port, host, () => done());
  });
}

// Accumulates chunks until a whole message is buffered; replies in order.
// `whenJournaled` holds a reply until the changes made before it are in the
// journal (and fsync'd when the command asked for j: true or w: 'majority').
type WhenJournaled = (sync: boolean, send: (error?: Error) => void) => void;
type Handled = { reply: Buffer | null; sync: boolean };

function serveConnection(socket: Socket, handle: (message: Buffer) => Handled, whenJournaled: WhenJournaled): void {
  socket.setNoDelay(true);
  let chunks: Buffer[] = [];
  let buffered = 0;
  let waiting = 0;
  // A client that goes away mid-reply is normal; nothing to report.
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    buffered += chunk.length;
    try {
      for (;;) {
        if (buffered < 4) return;
        const head = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
        chunks = [head];
        const length = nextMessageLength(head, LIMITS.maxMessageSizeBytes);
        if (length === 0) return;
        const rest = head.subarray(length);
        chunks = rest.length > 0 ? [rest] : [];
        buffered = rest.length;
        const { reply, sync } = handle(head.subarray(0, length));
        // A reply never overtakes an earlier one still waiting for a sync.
        waiting += 1;
        whenJournaled(sync || waiting > 1, (error) => {
          waiting -= 1;
          // Not on disk: the client must not take the write as acknowledged.
          if (error) socket.destroy();
          else if (reply && !socket.destroyed) socket.write(reply);
        });
      }
    } catch {
      // Unparseable input: MongoDB drops the connection, so do we.
      socket.destroy();
    }
  });
}

type Services = { store: Store; cursors: Cursors; connection: ConnectionInfo };

function respond(message: Buffer, services: Services): Handled {
  const request = parseRequest(message);
  if (request.kind === 'msg') {
    const reply = runCommand({ ...services, command: request.command });
    // moreToCome from the client: an unacknowledged write, no reply expected.
    if (request.moreToCome) return { reply: null, sync: false };
    return { reply: encode(encodeMsgReply, request.header.requestId, reply), sync: wantsSync(request.command) };
  }
  if (request.kind === 'query') {
    const [db, ...rest] = request.collection.split('.');
    const reply =
      rest.join('.') === '$cmd'
        ? runCommand({ ...services, db, command: request.command })
        : { ok: 0, errmsg: 'OP_QUERY is only supported for commands', code: 352, codeName: 'UnsupportedOpQueryCommand' };
    return { reply: encode(encodeLegacyReply, request.header.requestId, reply), sync: wantsSync(request.command) };
  }
  throw new WireError(`unsupported opCode ${request.header.opCode}`);
}

// What a standalone mongod waits for before acknowledging: the journal flush
// for j: true, and w: 'majority' (on a standalone, the majority is itself, journaled).
function wantsSync(command: Document): boolean {
  const concern = command.writeConcern as Document | undefined;
  return concern !== undefined && (concern.j === true || concern.fsync === true || concern.w === 'majority');
}

function encode(encoder: (responseTo: number, body: Document) => Buffer, responseTo: number, reply: Document): Buffer {
  try {
    return encoder(responseTo, reply);
  } catch (error) {
    const errmsg = `mongo-local could not encode the reply: ${error instanceof Error ? error.message : String(error)}`;
    return encoder(responseTo, { ok: 0, errmsg, code: 10334, codeName: 'BSONObjectTooLarge' });
  }
}
