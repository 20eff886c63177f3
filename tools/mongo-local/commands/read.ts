// Reads: find/getMore/killCursors, count, distinct (aggregate: aggregate.ts).
import { typeMismatch } from '../errors';
import { collationKey } from '../collate';
import { keyOf as valueKey, valuesAtPath } from '../keys';
import {
  type CommandHandler,
  collectionName,
  optionalDocument,
  optionalNumber,
  letVariables,
} from './context';

const find: CommandHandler = ({ db, command, store, cursors }) => {
  const name = collectionName(command, 'find');
  const limit = optionalNumber(command, 'limit') ?? 0;
  const collection = store.get(db, name);
  const docs =
    collection?.query(optionalDocument(command, 'filter'), {
      sort: optionalDocument(command, 'sort'),
      projection: optionalDocument(command, 'projection'),
      skip: optionalNumber(command, 'skip'),
      limit: Math.abs(limit),
      collation: collection.collationFor(command.collation),
      hint: command.hint,
      variables: letVariables(command),
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
      collation: collection.collationFor(command.collation),
      hint: command.hint,
    }) ?? [];
  return { n: docs.length, ok: 1 };
};

const distinct: CommandHandler = ({ db, command, store }) => {
  const key = command.key;
  if (typeof key !== 'string') throw typeMismatch("BSON field 'distinct.key' is the wrong type, expected type 'string'");
  const collection = store.get(db, collectionName(command, 'distinct'));
  const docs =
    collection?.query(optionalDocument(command, 'query'), { collation: collection.collationFor(command.collation), hint: command.hint }) ?? [];
  // Arrays contribute their elements, as in MongoDB; equal values once.
  const values = new Map<string, unknown>();
  // Under a collation, strings it holds equal count once.
  const collation = collection?.collationFor(command.collation);
  const fold = collation ? collationKey(collation) : undefined;
  const keyOf = (value: unknown) => (fold && typeof value === 'string' ? `s:${fold(value)}` : valueKey(value));
  for (const doc of docs) {
    for (const value of valuesAtPath(doc, key.split('.'))) {
      if (value !== undefined && !values.has(keyOf(value))) values.set(keyOf(value), value);
    }
  }
  return { values: [...values.values()], ok: 1 };
};

export const readCommands: Record<string, CommandHandler> = {
  find,
  getMore,
  killCursors,
  count,
  distinct,
};
