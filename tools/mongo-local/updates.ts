// Applying an update document: operator updates go through mingo's updater,
// pipeline updates through mingo's aggregator, replacements keep `_id`.
import { ObjectId, type Document } from 'bson';
import { aggregate, update } from 'mingo';
import { cloneDocument } from './collection';
import { CommandError, asCommandError, failedToParse } from './errors';
import { exactIncrements } from './numbers';
import { isPlainObject, keyOf } from './keys';

export type UpdateSpec = Document | Document[];
export type UpdateOptions = { filter?: Document; arrayFilters?: Document[]; variables?: Document };

function isOperatorUpdate(spec: Document): boolean {
  const keys = Object.keys(spec);
  const operators = keys.filter((k) => k.startsWith('$'));
  if (operators.length > 0 && operators.length < keys.length) {
    throw failedToParse(`Unknown modifier: ${keys.find((k) => !k.startsWith('$'))}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
  return operators.length > 0;
}

/** A new document: `doc` with `spec` applied. `inserting` enables `$setOnInsert`. */
export function applyUpdate(doc: Document, spec: UpdateSpec, options: UpdateOptions, inserting = false): Document {
  if (Array.isArray(spec)) {
    const [result] = runStep(() => aggregate([cloneDocument(doc)], spec, { variables: options.variables }));
    return withId(doc._id, result ?? {});
  }
  if (!isPlainObject(spec)) throw failedToParse('Update argument must be either an object or an array');
  if (!isOperatorUpdate(spec)) return withId(doc._id, spec);

  const { $setOnInsert, ...rest } = spec;
  const next = cloneDocument(doc);
  const operators = exactIncrements(next, rest);
  if (Object.keys(operators).length > 0) {
    // The filter lets mingo resolve the positional `$` operator; mingo also
    // skips a document the filter does not match, which under a collation
    // may be one the query matched, so it is given only when needed.
    const positional = Object.values(operators).some((fields) => isPlainObject(fields) && Object.keys(fields).some((path) => /(^|\.)\$(\.|$)/.test(path)));
    runStep(() => update(next, operators, options.arrayFilters, positional ? (options.filter ?? {}) : {}));
  }
  if (inserting && isPlainObject($setOnInsert)) runStep(() => update(next, { $set: $setOnInsert }));
  if (next._id === undefined || keyChanged(doc._id, next._id)) {
    throw immutableId();
  }
  return next;
}

/**
 * The document an upsert inserts: the filter's equality fields (as MongoDB
 * seeds them), then the update applied with `$setOnInsert` enabled.
 */
export function upsertDocument(spec: UpdateSpec, options: UpdateOptions): Document {
  // mingo's $set refuses `_id` (it is immutable), so seed that one directly.
  const { _id, ...equalities } = equalityFields(options.filter ?? {});
  // `{ _id: null }` in the filter seeds a null _id, as in MongoDB.
  const seed: Document = _id === undefined ? {} : { _id };
  if (Object.keys(equalities).length > 0) runStep(() => update(seed, { $set: equalities }));
  const isReplacement = !Array.isArray(spec) && isPlainObject(spec) && !isOperatorUpdate(spec);
  const base = isReplacement ? { ...('_id' in seed ? { _id: seed._id } : {}), ...spec } : seed;
  const id: unknown = '_id' in base && base._id !== undefined ? base._id : new ObjectId();
  const applied = isReplacement ? base : applyUpdate({ ...base, _id: id }, spec, options, true);
  return withId(id, applied);
}

// Equality conditions of a filter (`{a: 1}`, `{a: {$eq: 1}}`, inside `$and`);
// operators like $gt contribute nothing, as in MongoDB's upsert seeding.
function equalityFields(filter: Document): Document {
  const fields: Document = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const clause of value) if (isPlainObject(clause)) Object.assign(fields, equalityFields(clause));
    } else if (key.startsWith('$')) {
      continue;
    } else if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
      if ('$eq' in value) fields[key] = value.$eq;
    } else if (!(value instanceof RegExp)) {
      fields[key] = value;
    }
  }
  return fields;
}

function withId(id: unknown, doc: Document): Document {
  if (doc._id !== undefined && keyChanged(id, doc._id)) {
    throw immutableId();
  }
  const rest = { ...doc };
  delete rest._id;
  return { _id: id, ...rest };
}

const immutableId = () =>
  new CommandError(66, 'ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");

function keyChanged(a: unknown, b: unknown): boolean {
  return keyOf(a) !== keyOf(b);
}

function runStep<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof CommandError) throw error;
    const failure = asCommandError(error);
    if (/immutable field '_id'/.test(failure.message)) throw immutableId();
    if (/unknown update operator/i.test(failure.message)) {
      throw failedToParse(failure.message.replace(/^.*?'(\$\w+)'.*$/, 'Unknown modifier: $1. Expected a valid update modifier or pipeline-style update specified as an array'));
    }
    throw failure;
  }
}
