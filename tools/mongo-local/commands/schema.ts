// Collections and indexes: create, drop, dropDatabase, listCollections,
// createIndexes, listIndexes, dropIndexes.
import type { Document } from 'bson';
import { Query } from 'mingo';
import { CommandError, namespaceNotFound } from '../errors';
import { keyOf } from '../keys';
import { parseCollation } from '../compare';
import { normalizeIndexSpec } from '../indexes';
import { checkCollectionOptions } from '../validation';
import { type CommandHandler, collectionName, commandOptions, documentArray, optionalDocument } from './context';

const create: CommandHandler = ({ db, command, store }) => {
  const options = commandOptions(command, 'create');
  checkCollectionOptions(options);
  if (options.collation !== undefined) {
    const collation = parseCollation(options.collation);
    if (collation) options.collation = collation;
    else delete options.collation;
  }
  store.create(db, collectionName(command, 'create'), options);
  return { ok: 1 };
};

// MongoDB 7.0 answers ok for a collection that does not exist.
const drop: CommandHandler = ({ db, command, store }) => {
  const dropped = store.drop(db, collectionName(command, 'drop'));
  return dropped ? { nIndexesWas: dropped.indexes.length, ns: dropped.ns, ok: 1 } : { ok: 1 };
};

const dropDatabase: CommandHandler = ({ db, store }) => {
  store.dropDatabase(db);
  return { dropped: db, ok: 1 };
};

const listCollections: CommandHandler = ({ db, command, store, cursors }) => {
  const entries = store.collections(db).map((collection) => ({
    name: collection.name,
    type: 'collection',
    options: collection.options,
    info: { readOnly: false },
    idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
  }));
  const filter = optionalDocument(command, 'filter');
  const query = filter ? new Query(filter, {}) : undefined;
  const matching = entries.filter((entry) => !query || query.test(entry));
  const docs = command.nameOnly ? matching.map(({ name, type }) => ({ name, type })) : matching;
  const cursor = optionalDocument(command, 'cursor') ?? {};
  return cursors.first(`${db}.$cmd.listCollections`, docs, {
    batchSize: typeof cursor.batchSize === 'number' ? cursor.batchSize : undefined,
  });
};

const createIndexes: CommandHandler = ({ db, command, store }) => {
  const name = collectionName(command, 'createIndexes');
  const specs = documentArray(command, 'indexes').map(normalizeIndexSpec);
  const existed = store.get(db, name) !== undefined;
  const collection = store.getOrCreate(db, name);
  const before = collection.indexes.length;
  let created = 0;
  for (const spec of specs) if (collection.createIndex(spec)) created += 1;
  const reply: Document = {
    numIndexesBefore: before,
    numIndexesAfter: collection.indexes.length,
    createdCollectionAutomatically: !existed,
    ok: 1,
  };
  if (created === 0) reply.note = 'all indexes already exist';
  return reply;
};

const listIndexes: CommandHandler = ({ db, command, store, cursors }) => {
  const collection = store.get(db, collectionName(command, 'listIndexes'));
  if (!collection) throw namespaceNotFound(`${db}.${String(command.listIndexes)}`);
  const cursor = optionalDocument(command, 'cursor') ?? {};
  return cursors.first(collection.ns, collection.indexes, {
    batchSize: typeof cursor.batchSize === 'number' ? cursor.batchSize : undefined,
  });
};

const dropIndexes: CommandHandler = ({ db, command, store }) => {
  const collection = store.get(db, collectionName(command, 'dropIndexes'));
  if (!collection) throw namespaceNotFound(`${db}.${String(command.dropIndexes)}`);
  const before = collection.indexes.length;
  const target: unknown = command.index;
  if (target === '*') {
    collection.dropIndexes();
  } else if (typeof target === 'string') {
    collection.dropIndex(target);
  } else if (Array.isArray(target)) {
    for (const name of target) collection.dropIndex(String(name));
  } else if (target && typeof target === 'object') {
    const match = collection.indexes.find((spec) => keyOf(spec.key) === keyOf(target));
    if (!match) throw new CommandError(27, 'IndexNotFound', `can't find index with key: ${JSON.stringify(target)}`);
    collection.dropIndex(match.name);
  } else {
    throw new CommandError(14, 'TypeMismatch', "BSON field 'dropIndexes.index' is missing or has the wrong type");
  }
  return { nIndexesWas: before, ok: 1 };
};

export const schemaCommands: Record<string, CommandHandler> = {
  create,
  drop,
  dropDatabase,
  listCollections,
  createIndexes,
  listIndexes,
  dropIndexes,
};
