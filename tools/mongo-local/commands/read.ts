// Reads: find/getMore/killCursors, count, distinct, aggregate.
import type { Document } from 'bson';
import { Aggregator } from 'mingo';
import { cloneDocument, type Collection } from '../collection';
import { CommandError, typeMismatch } from '../errors';
import { keyOf, valuesAtPath } from '../keys';
import type { Store } from '../store';
import {
  type CommandHandler,
  collectionName,
  documentArray,
  optionalDocument,
  optionalNumber,
} from './context';

const find: CommandHandler = ({ db, command, store, cursors }) => {
  const name = collectionName(command, 'find');
  const limit = optionalNumber(command, 'limit') ?? 0;
  const docs =
    store.get(db, name)?.query(optionalDocument(command, 'filter'), {
      sort: optionalDocument(command, 'sort'),
      projection: optionalDocument(command, 'projection'),
      skip: optionalNumber(command, 'skip'),
      limit: Math.abs(limit),
    }) ?? [];
  return cursors.first(`${db}.${name}`, docs, {
    batchSize: optionalNumber(command, 'batchSize'),
    // A negative limit is the legacy spelling of "one batch, then close".
    singleBatch: command.singleBatch === true || limit < 0,
  });
};

const getMore: CommandHandler = ({ db, command, cursors }) => {
  const id = optionalNumber(command, 'getMore');
  if (id === undefined) throw typeMismatch("BSON field 'getMore' is missing but a required field");
  return cursors.more(id, collectionName(command, 'collection'), db, optionalNumber(command, 'batchSize'));
};

const killCursors: CommandHandler = ({ command, cursors }) => {
  const ids = (command.cursors as unknown[] | undefined)?.map((id) => Number(id?.toString())) ?? [];
  const { killed, notFound } = cursors.kill(ids);
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
};

const count: CommandHandler = ({ db, command, store }) => {
  const collection = store.get(db, collectionName(command, 'count'));
  const docs =
    collection?.query(optionalDocument(command, 'query'), {
      skip: optionalNumber(command, 'skip'),
      limit: Math.abs(optionalNumber(command, 'limit') ?? 0),
    }) ?? [];
  return { n: docs.length, ok: 1 };
};

const distinct: CommandHandler = ({ db, command, store }) => {
  const key = command.key;
  if (typeof key !== 'string') throw typeMismatch("BSON field 'distinct.key' is the wrong type, expected type 'string'");
  const docs = store.get(db, collectionName(command, 'distinct'))?.query(optionalDocument(command, 'query')) ?? [];
  // Arrays contribute their elements, as in MongoDB; equal values once.
  const values = new Map<string, unknown>();
  for (const doc of docs) {
    for (const value of valuesAtPath(doc, key.split('.'))) {
      if (value !== undefined && !values.has(keyOf(value))) values.set(keyOf(value), value);
    }
  }
  return { values: [...values.values()], ok: 1 };
};

// Stages that write would bypass index enforcement; refuse them loudly.
const WRITING_STAGES = new Set(['$out', '$merge']);

const aggregate: CommandHandler = ({ db, command, store, cursors }) => {
  const target: unknown = command.aggregate;
  const pipeline = documentArray(command, 'pipeline');
  const unsupported = pipeline.flatMap(Object.keys).find((stage) => WRITING_STAGES.has(stage));
  if (unsupported) throw new CommandError(2, 'BadValue', `mongo-local does not support the ${unsupported} stage`);
  if (command.explain) throw new CommandError(2, 'BadValue', 'mongo-local does not support explain');
  const source = typeof target === 'string' ? store.get(db, target) : undefined;
  // mingo may modify nested input documents in place: give it copies.
  const resolver = (name: string) => copies(store, db, name);
  const docs = new Aggregator(pipeline, { collectionResolver: resolver }).run(copies(store, db, source));
  const ns = typeof target === 'string' ? `${db}.${target}` : `${db}.$cmd.aggregate`;
  const cursor = optionalDocument(command, 'cursor') ?? {};
  return cursors.first(ns, docs as Document[], { batchSize: optionalNumber(cursor, 'batchSize') });
};

function copies(store: Store, db: string, source: string | Collection | undefined): Document[] {
  const collection = typeof source === 'string' ? store.get(db, source) : source;
  return collection?.all().map(cloneDocument) ?? [];
}

export const readCommands: Record<string, CommandHandler> = {
  find,
  getMore,
  killCursors,
  count,
  distinct,
  aggregate,
};
