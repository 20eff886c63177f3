// Writes: insert, update, delete, findAndModify. Each document write applies
// fully or not at all (as in MongoDB, a multi-update is not atomic as a
// whole); `ordered` decides whether a failed statement stops the batch, and
// failures are reported per statement as writeErrors.
import type { Document } from 'bson';
import { type Collection, sameDocument } from '../collection';
import type { Validator } from '../validation';
import { CommandError, asCommandError } from '../errors';
import { applyUpdate, upsertDocument, type UpdateSpec } from '../updates';
import { project } from '../projection';
import { type CommandHandler, collectionName, documentArray, letVariables, optionalDocument
} from './context';

function writeError(index: number, error: unknown): Document {
  const failure = asCommandError(error);
  return { index, code: failure.code, ...failure.extra, errmsg: failure.message };
}

function runBatch<T>(statements: T[], ordered: boolean, apply: (statement: T, index: number) => void): Document[] {
  const errors: Document[] = [];
  for (const [index, statement] of statements.entries()) {
    try {
      apply(statement, index);
    } catch (error) {
      errors.push(writeError(index, error));
      if (ordered) break;
    }
  }
  return errors;
}

// `let` variables of the command, and an update statement's constants `c`.
function letOf(command: Document, statement?: { c?: Document }): Document | undefined {
  const variables = letVariables(command);
  return statement?.c ? { ...variables, ...statement.c } : variables;
}

function findOptions(collection: Collection, command: Document) {
  return { sort: optionalDocument(command, 'sort'), collation: collection.collationFor(command.collation), hint: command.hint, variables: letOf(command) };
}

// bypassDocumentValidation skips the collection's validator, as in MongoDB.
function validation(collection: Collection, command: Document): Validator | undefined {
  return command.bypassDocumentValidation === true ? undefined : collection.validator;
}

function reply(fields: Document, writeErrors: Document[]): Document {
  return writeErrors.length > 0 ? { ...fields, writeErrors, ok: 1 } : { ...fields, ok: 1 };
}

const insert: CommandHandler = ({ db, command, store }) => {
  const collection = store.getOrCreate(db, collectionName(command, 'insert'));
  const validate = validation(collection, command);
  let n = 0;
  const errors = runBatch(documentArray(command, 'documents'), command.ordered !== false, (doc) => {
    validate?.(doc);
    collection.insert(doc);
    n += 1;
  });
  return reply({ n }, errors);
};

type UpdateStatement = {
  q?: Document;
  u: UpdateSpec;
  upsert?: boolean;
  multi?: boolean;
  arrayFilters?: Document[];
  collation?: Document;
  hint?: unknown;
  c?: Document;
};

const update: CommandHandler = ({ db, command, store }) => {
  const name = collectionName(command, 'update');
  let matched = 0;
  let modified = 0;
  const upserted: Document[] = [];
  const statements = documentArray(command, 'updates') as UpdateStatement[];
  const errors = runBatch(statements, command.ordered !== false, (statement, index) => {
    const filter = statement.q ?? {};
    const options = { filter, arrayFilters: statement.arrayFilters, variables: letOf(command, statement) };
    // Only an upsert creates the collection, as in MongoDB.
    const collection = statement.upsert ? store.getOrCreate(db, name) : store.get(db, name);
    if (!collection) return;
    const query = { collation: collection.collationFor(statement.collation), hint: statement.hint, variables: letOf(command, statement) };
    const targets = collection.query(filter, statement.multi ? query : { ...query, limit: 1 });
    if (targets.length === 0 && statement.upsert) {
      const inserting = upsertDocument(statement.u, options);
      validation(collection, command)?.(inserting);
      const doc = collection.insert(inserting);
      upserted.push({ index, _id: doc._id });
      return;
    }
    for (const current of targets) {
      matched += 1;
      const next = applyUpdate(current, statement.u, options);
      if (sameDocument(current, next)) continue;
      validation(collection, command)?.(next, current);
      collection.replace(current, next);
      modified += 1;
    }
  });
  const fields: Document = { n: matched + upserted.length, nModified: modified };
  if (upserted.length > 0) fields.upserted = upserted;
  return reply(fields, errors);
};

type DeleteStatement = { q?: Document; limit?: number; collation?: Document; hint?: unknown };

const remove: CommandHandler = ({ db, command, store }) => {
  const collection = store.get(db, collectionName(command, 'delete'));
  let n = 0;
  const errors = runBatch(documentArray(command, 'deletes') as DeleteStatement[], command.ordered !== false, (statement) => {
    const query = { collation: collection?.collationFor(statement.collation), hint: statement.hint, variables: letOf(command) };
    const targets = collection?.query(statement.q ?? {}, statement.limit === 1 ? { ...query, limit: 1 } : query) ?? [];
    for (const doc of targets) collection?.remove(doc);
    n += targets.length;
  });
  return reply({ n }, errors);
};

const findAndModify: CommandHandler = ({ db, command, store }) => {
  const name = collectionName(command, 'findAndModify' in command ? 'findAndModify' : 'findandmodify');
  const filter = optionalDocument(command, 'query') ?? {};
  const fields = optionalDocument(command, 'fields');
  const projected = (doc: Document | null) => (doc ? (project([doc], fields)[0] ?? null) : doc);
  const wantNew = command.new === true;

  if (command.remove === true) {
    const collection = store.get(db, name);
    const [target] = collection?.query(filter, { ...findOptions(collection, command), limit: 1 }) ?? [];
    if (!target || !collection) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
    collection.remove(target);
    return { lastErrorObject: { n: 1 }, value: projected(target), ok: 1 };
  }

  const spec = command.update as UpdateSpec | undefined;
  if (spec === undefined) throw new CommandError(9, 'FailedToParse', 'Either an update or remove=true must be specified');
  const collection = store.getOrCreate(db, name);
  const options = { filter, arrayFilters: command.arrayFilters as Document[] | undefined, variables: letOf(command) };
  const [current] = collection.query(filter, { ...findOptions(collection, command), limit: 1 });

  if (current) {
    const next = applyUpdate(current, spec, options);
    if (!sameDocument(current, next)) {
      validation(collection, command)?.(next, current);
      collection.replace(current, next);
    }
    return { lastErrorObject: { n: 1, updatedExisting: true }, value: projected(wantNew ? next : current), ok: 1 };
  }
  if (command.upsert !== true) {
    return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  }
  const inserting = upsertDocument(spec, options);
  validation(collection, command)?.(inserting);
  const inserted = collection.insert(inserting);
  return {
    lastErrorObject: { n: 1, updatedExisting: false, upserted: inserted._id },
    value: wantNew ? projected(inserted) : null,
    ok: 1,
  };
};

export const writeCommands: Record<string, CommandHandler> = {
  insert,
  update,
  delete: remove,
  findAndModify,
  findandmodify: findAndModify,
};
