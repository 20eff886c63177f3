// The database is a server shared by every connection, keeps its data in a
// data directory across restarts, and says so clearly when its port is taken.
// The last two start their own tools/mongo-local instances.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BSON } from 'bson';
import mongoose, { Schema, type Connection } from 'mongoose';
import { afterEach, describe, expect, it } from 'vitest';
import { startMongoLocal, type MongoLocal } from '../../../tools/mongo-local';
import { connectDb, disconnectDb, Organization } from '@/lib/db';
import { useTestDatabase, withDatabase } from '../../setup/db';

const db = useTestDatabase();

const noteSchema = new Schema({ text: String, n: Number });

describe('a shared server', () => {
  it('shows each of two separate mongoose connections the writes of the other', async () => {
    const [a, b] = await Promise.all([
      mongoose.createConnection(db.uri).asPromise(),
      mongoose.createConnection(db.uri).asPromise(),
    ]);
    try {
      const NoteA = a.model('Note', noteSchema);
      const NoteB = b.model('Note', noteSchema);
      await NoteA.create({ text: 'from a', n: 1 });
      expect(await NoteB.findOne({ text: 'from a' }).lean()).toMatchObject({ n: 1 });
      await NoteB.updateOne({ text: 'from a' }, { $inc: { n: 1 } });
      expect((await NoteA.findOne({ text: 'from a' }).lean())?.n).toBe(2);
      await NoteB.deleteMany({});
      expect(await NoteA.countDocuments()).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('connectDb', () => {
  it('returns the same connection for repeated calls with the same URI', async () => {
    expect(await connectDb(db.uri)).toBe(await connectDb(db.uri));
  });

  it('refuses a second, different URI while connected', async () => {
    await expect(connectDb(withDatabase(db.serverUri, 'elsewhere'))).rejects.toThrow(/different URI/);
  });

  it('fails clearly without a URI', async () => {
    const saved = process.env.MONGODB_URI;
    delete process.env.MONGODB_URI;
    try {
      await expect(connectDb()).rejects.toThrow(/MONGODB_URI/);
    } finally {
      if (saved !== undefined) process.env.MONGODB_URI = saved;
    }
  });
});

describe('tools/mongo-local', () => {
  const started: MongoLocal[] = [];
  const dirs: string[] = [];
  const connections: Connection[] = [];

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((connection) => connection.close()));
    await Promise.all(started.splice(0).map((server) => server.stop()));
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const start = async (options: Parameters<typeof startMongoLocal>[0]) => {
    const server = await startMongoLocal(options);
    started.push(server);
    return server;
  };
  const connect = async (uri: string) => {
    const connection = await mongoose.createConnection(uri).asPromise();
    connections.push(connection);
    return connection;
  };

  it('keeps documents and unique indexes across a restart with a data directory', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mongo-local-'));
    dirs.push(dataDir);

    const first = await start({ port: 0, dataDir });
    const before = await connect(withDatabase(first.uri, 'persisted'));
    const Org = before.model('Organization', Organization.schema);
    await Org.init();
    await Org.create({ shortName: 'kept', name: 'Kept', isTestOrg: false, status: 'active' });
    await before.close();
    await first.stop();
    started.splice(0);

    const second = await start({ port: 0, dataDir });
    const after = await connect(withDatabase(second.uri, 'persisted'));
    const Reloaded = after.model('Organization', Organization.schema);
    expect(await Reloaded.findOne({ shortName: 'kept' }).lean()).toMatchObject({ name: 'Kept', status: 'active' });
    // The unique index came back too: a duplicate is still refused.
    await expect(Reloaded.create({ shortName: 'kept', name: 'Again', isTestOrg: false })).rejects.toMatchObject({
      code: 11000,
    });
  });

  it('reads a data directory in the layout before the journal (one folder per database) and moves it into a snapshot', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mongo-local-legacy-'));
    dirs.push(dataDir);
    await mkdir(join(dataDir, 'olddb'));
    const docs = [{ _id: 1, shortName: 'a' }, { _id: 2, shortName: 'b' }];
    await writeFile(join(dataDir, 'olddb', 'orgs.bson'), Buffer.concat(docs.map((doc) => BSON.serialize(doc))));
    const metadata = { options: {}, indexes: [{ v: 2, key: { _id: 1 }, name: '_id_' }, { v: 2, key: { shortName: 1 }, name: 'shortName_1', unique: true }] };
    await writeFile(join(dataDir, 'olddb', 'orgs.metadata.json'), JSON.stringify(metadata));

    const first = await start({ port: 0, dataDir });
    const connection = await connect(withDatabase(first.uri, 'olddb'));
    expect(await connection.db!.collection('orgs').find().sort({ _id: 1 }).toArray()).toEqual(docs);
    await expect(connection.db!.collection('orgs').insertOne({ shortName: 'a' })).rejects.toMatchObject({ code: 11000 });
    await connection.close();
    await first.stop();
    started.splice(0);
    expect((await readdir(dataDir)).sort()).toEqual(['journal', expect.stringMatching(/^snapshot-\d+$/)]);

    const second = await start({ port: 0, dataDir });
    const again = await connect(withDatabase(second.uri, 'olddb'));
    expect(await again.db!.collection('orgs').countDocuments()).toBe(2);
  });

  it('starts empty without a data directory', async () => {
    const server = await start({ port: 0 });
    const connection = await connect(withDatabase(server.uri, 'scratch'));
    expect(await connection.db!.listCollections().toArray()).toEqual([]);
  });

  it('fails with a clear error when the port is already taken', async () => {
    const server = await start({ port: 0 });
    await expect(startMongoLocal({ port: server.port })).rejects.toThrow(
      new RegExp(`cannot listen on 127\\.0\\.0\\.1:${server.port}: the port is already in use`),
    );
  });
});

describe('disconnectDb', () => {
  it('closes the cached connection so the next connectDb opens a new one', async () => {
    const first = await connectDb(db.uri);
    await disconnectDb();
    expect(first.connection.readyState).toBe(mongoose.ConnectionStates.disconnected);
    const second = await connectDb(db.uri);
    expect(second.connection.readyState).toBe(mongoose.ConnectionStates.connected);
  });

  it('forgets a failed attempt so that the next connectDb can succeed', async () => {
    await disconnectDb();
    // Port 1 refuses connections; fail fast instead of the 30 s default.
    await expect(connectDb('mongodb://127.0.0.1:1/nothing?serverSelectionTimeoutMS=300')).rejects.toMatchObject({
      name: 'DbConnectionError',
      message: expect.stringContaining('Cannot connect to MongoDB'),
    });
    // Had the failed promise stayed cached, this would be refused as a different URI.
    const recovered = await connectDb(db.uri);
    expect(recovered.connection.readyState).toBe(mongoose.ConnectionStates.connected);
  });
});
