// The fields each command accepts, as mongod's IDL declares them: anything
// else fails with 40415 "BSON field '<command>.<field>' is an unknown
// field." (a `find` with `fliter` must not return everything). Fields that
// only some servers understand are in these lists only when they work here.
import type { Document } from 'bson';
import { CommandError } from '../errors';

// Fields any command may carry that say nothing about the operation itself.
export const GENERIC_FIELDS = new Set([
  '$db', 'lsid', '$clusterTime', '$readPreference', 'readConcern', 'writeConcern', 'txnNumber', 'autocommit',
  'startTransaction', 'apiVersion', 'apiStrict', 'apiDeprecationErrors', 'comment', 'maxTimeMS', '$audit', '$client',
  '$configServerState', 'mayBypassWriteBlocking', 'databaseVersion', 'shardVersion',
]);

const COMMAND_FIELDS: Record<string, string[]> = {
  find: ['filter', 'sort', 'projection', 'hint', 'skip', 'limit', 'batchSize', 'singleBatch', 'max', 'min', 'returnKey', 'showRecordId', 'tailable', 'oplogReplay', 'noCursorTimeout', 'awaitData', 'allowPartialResults', 'collation', 'allowDiskUse', 'let', 'readOnce', 'term'],
  insert: ['documents', 'ordered', 'bypassDocumentValidation'],
  update: ['updates', 'ordered', 'bypassDocumentValidation', 'let'],
  delete: ['deletes', 'ordered', 'let'],
  findAndModify: ['query', 'sort', 'remove', 'update', 'new', 'fields', 'upsert', 'bypassDocumentValidation', 'arrayFilters', 'hint', 'collation', 'let'],
  count: ['query', 'limit', 'skip', 'hint', 'collation', 'fields'],
  distinct: ['key', 'query', 'collation', 'hint'],
  aggregate: ['pipeline', 'explain', 'allowDiskUse', 'cursor', 'bypassDocumentValidation', 'collation', 'hint', 'let', 'fromMongos', 'needsMerge'],
  getMore: ['collection', 'batchSize', 'term', 'lastKnownCommittedOpTime'],
  killCursors: ['cursors'],
  create: ['capped', 'size', 'max', 'validator', 'validationLevel', 'validationAction', 'collation', 'viewOn', 'pipeline', 'timeseries', 'clusteredIndex', 'expireAfterSeconds', 'storageEngine', 'indexOptionDefaults', 'changeStreamPreAndPostImages', 'encryptedFields', 'idIndex', 'autoIndexId', 'flags'],
  createIndexes: ['indexes', 'commitQuorum', 'ignoreUnknownIndexOptions'],
  listIndexes: ['cursor'],
  listCollections: ['filter', 'nameOnly', 'authorizedCollections', 'cursor'],
  drop: [],
  dropIndexes: ['index'],
  dropDatabase: [],
  explain: ['verbosity'],
};
COMMAND_FIELDS.findandmodify = COMMAND_FIELDS.findAndModify!;

// Fields of one statement inside update/delete. `sort` on an update is 8.0's;
// 7.0 refuses it like any unknown field.
const STATEMENT_FIELDS: Record<string, [string, string[]]> = {
  update: ['updates', ['q', 'u', 'upsert', 'multi', 'arrayFilters', 'collation', 'hint', 'c']],
  delete: ['deletes', ['q', 'limit', 'collation', 'hint']],
};

const unknownField = (path: string) => new CommandError(40415, 'Location40415', `BSON field '${path}' is an unknown field.`);

export function checkCommandFields(name: string, command: Document): void {
  const allowed = COMMAND_FIELDS[name];
  if (!allowed) return;
  for (const field of Object.keys(command)) {
    if (field !== name && !GENERIC_FIELDS.has(field) && !allowed.includes(field)) throw unknownField(`${name}.${field}`);
  }
  const statements = STATEMENT_FIELDS[name];
  if (!statements) return;
  const [list, fields] = statements;
  const value: unknown = command[list];
  if (!Array.isArray(value)) return;
  for (const statement of value as Document[]) {
    for (const field of Object.keys(statement ?? {})) {
      if (!fields.includes(field)) throw unknownField(`${name}.${list}.${field}`);
    }
  }
}
