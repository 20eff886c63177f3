// aggregate: a leading $match/$sort runs through the collection's planner
// (so indexes serve it), the rest through mingo. $out and $merge write
// through the collection like any insert, so unique indexes still hold.
import type { Document } from 'bson';
import { Aggregator } from 'mingo';
import { Collection, cloneDocument } from '../collection';
import { forMingo } from '../compare';
import { CommandError, badValue } from '../errors';
import { isPlainObject } from '../keys';
import type { Store } from '../store';
import { type CommandHandler, documentArray, letVariables, optionalDocument, optionalNumber
} from './context';
import { explainReply } from './explainPlan';
import { mergeInto } from './merge';

type Split = { filter: Document; sort?: Document; rest: Document[] };

/** The leading $match stages (combined) and a $sort right after them. */
export function splitPipeline(pipeline: Document[]): Split {
  const matches: Document[] = [];
  let at = 0;
  while (at < pipeline.length && isPlainObject(pipeline[at]!.$match) && Object.keys(pipeline[at]!).length === 1) {
    matches.push(pipeline[at]!.$match as Document);
    at += 1;
  }
  const filter = matches.length === 0 ? {} : matches.length === 1 ? matches[0]! : { $and: matches };
  const sortStage = pipeline[at];
  if (sortStage && isPlainObject(sortStage.$sort) && Object.keys(sortStage).length === 1) {
    return { filter, sort: sortStage.$sort as Document, rest: pipeline.slice(at + 1) };
  }
  return { filter, rest: pipeline.slice(at) };
}

const aggregate: CommandHandler = (context) => {
  const { db, command, store, cursors } = context;
  const target: unknown = command.aggregate;
  const pipeline = documentArray(command, 'pipeline');
  const variables = letVariables(command);
  const writer = pipeline.at(-1);
  const writes = writer && ('$out' in writer || '$merge' in writer);
  for (const [i, stage] of pipeline.entries()) {
    if (('$out' in stage || '$merge' in stage) && i !== pipeline.length - 1) {
      throw new CommandError(40601, 'Location40601', `${'$out' in stage ? '$out' : '$merge'} can only be the final stage in the pipeline`);
    }
  }
  const source = typeof target === 'string' ? store.get(db, target) : undefined;
  if (target !== 1 && typeof target !== 'string') throw badValue("aggregate field must be a collection name or 1");
  const split = splitPipeline(writes ? pipeline.slice(0, -1) : pipeline);
  const collation = source?.collationFor(command.collation);
  const options = { sort: split.sort, collation, hint: command.hint, variables };
  const plan = source?.plan(split.filter, options);
  if (command.explain === true) return explainReply(source, `${db}.${String(target)}`, plan, split, command);

  const input = source && plan ? source.run(plan, split.filter, options).docs.map(cloneDocument) : [];
  // mingo may modify nested input documents in place: it gets copies.
  const resolver = (name: string) => store.get(db, name)?.all().map(cloneDocument) ?? [];
  const docs = new Aggregator(split.rest, { collectionResolver: resolver, variables, collation: forMingo(collation) } as never).run(input) as Document[];
  const ns = typeof target === 'string' ? `${db}.${target}` : `${db}.$cmd.aggregate`;
  if (writer && writes) {
    if ('$out' in writer) writeOut(store, db, writer.$out, docs);
    else mergeInto(store, db, writer.$merge, docs, variables);
    return { cursor: { firstBatch: [], id: 0n, ns }, ok: 1 };
  }
  const cursor = optionalDocument(command, 'cursor') ?? {};
  return cursors.first(ns, docs, { batchSize: optionalNumber(cursor, 'batchSize') });
};

// $out replaces the target's documents and keeps its indexes and options;
// it is checked against a scratch copy first, so a duplicate key changes nothing.
function writeOut(store: Store, db: string, spec: unknown, docs: Document[]): void {
  const { db: outDb, coll } = typeof spec === 'string' ? { db, coll: spec } : (spec as { db?: string; coll?: string });
  if (typeof coll !== 'string') throw new CommandError(16994, 'Location16994', "If an object is passed to $out it must have exactly 2 fields: 'db' and 'coll'");
  const targetDb = outDb ?? db;
  const existing = store.get(targetDb, coll);
  const specs = existing?.indexes.slice(1) ?? [];
  const scratch = new Collection(targetDb, coll, existing?.options ?? {});
  for (const indexSpec of specs) scratch.createIndex(indexSpec);
  for (const doc of docs) scratch.insert(doc);
  store.drop(targetDb, coll);
  const created = store.create(targetDb, coll, existing?.options ?? {});
  for (const indexSpec of specs) created.createIndex(indexSpec);
  for (const doc of scratch.all()) created.insert(doc);
}

export const aggregateCommands: Record<string, CommandHandler> = { aggregate };
