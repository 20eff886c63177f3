// explain: which plan a read or write would use (IXSCAN on which index, or
// COLLSCAN) in the shape mongod reports it, so tests can check that an
// index serves a query. executionStats runs the query and counts.
import type { Document } from 'bson';
import type { Collection, QueryOptions } from '../collection';
import { CommandError } from '../errors';
import type { Plan } from '../planner';
import { SERVER_VERSION } from './handshake';
import { type CommandContext, type CommandHandler, collectionName, optionalDocument, optionalNumber } from './context';

type Shape = { filter: Document; sort?: Document; limit?: number; skip?: number };

function winningPlan(plan: Plan | undefined, shape: Shape): Document {
  let stage: Document;
  if (!plan || plan.stage === 'COLLSCAN') {
    stage = { stage: 'COLLSCAN', filter: shape.filter, direction: 'forward' };
  } else {
    const { index } = plan;
    stage = {
      stage: 'FETCH',
      filter: shape.filter,
      inputStage: {
        stage: 'IXSCAN',
        keyPattern: index.spec.key,
        indexName: index.spec.name,
        isMultiKey: index.multikey,
        isUnique: index.spec.unique === true,
        isSparse: index.spec.sparse === true,
        isPartial: index.spec.partialFilterExpression !== undefined,
        indexVersion: 2,
        direction: plan.reverse ? 'backward' : 'forward',
        indexBounds: plan.bounds,
      },
    };
  }
  const sortInMemory = shape.sort && Object.keys(shape.sort).length > 0 && !(plan?.stage === 'IXSCAN' && plan.sorted);
  if (sortInMemory) stage = { stage: 'SORT', sortPattern: shape.sort, memLimit: 104857600, type: 'simple', inputStage: stage };
  if (shape.skip) stage = { stage: 'SKIP', skipAmount: shape.skip, inputStage: stage };
  if (shape.limit) stage = { stage: 'LIMIT', limitAmount: shape.limit, inputStage: stage };
  return stage;
}

function report(collection: Collection | undefined, ns: string, plan: Plan | undefined, shape: Shape, command: Document, verbosity: string, options: QueryOptions): Document {
  const reply: Document = {
    explainVersion: '1',
    queryPlanner: { namespace: ns, indexFilterSet: false, parsedQuery: shape.filter, winningPlan: winningPlan(plan, shape), rejectedPlans: [] },
  };
  if (verbosity !== 'queryPlanner') {
    const started = process.hrtime.bigint();
    const run = collection && plan ? collection.run(plan, shape.filter, options) : { docs: [], examined: 0 };
    reply.executionStats = {
      executionSuccess: true,
      nReturned: run.docs.length,
      executionTimeMillis: Number((process.hrtime.bigint() - started) / 1_000_000n),
      totalKeysExamined: plan?.stage === 'IXSCAN' ? run.examined : 0,
      totalDocsExamined: run.examined,
    };
  }
  return { ...reply, command, serverInfo: { host: 'mongo-local', port: 0, version: SERVER_VERSION }, ok: 1 };
}

export function explainReply(collection: Collection | undefined, ns: string, plan: Plan | undefined, split: { filter: Document; sort?: Document; rest: Document[] }, command: Document): Document {
  const shape = { filter: split.filter, sort: split.sort };
  const options = { sort: split.sort, collation: collection?.collationFor(command.collation) };
  const cursorStage = report(collection, ns, plan, shape, command, 'queryPlanner', options);
  if (split.rest.length === 0) return cursorStage;
  const { queryPlanner } = cursorStage;
  return { explainVersion: '1', stages: [{ $cursor: { queryPlanner } }, ...split.rest], command, ok: 1 };
}

// What each explainable command reads: its filter, sort and limits.
function shapeOf(name: string, inner: Document): Shape & { hint?: unknown; collation?: unknown } {
  const statement = (field: string) => (Array.isArray(inner[field]) ? (inner[field][0] as Document | undefined) : undefined) ?? {};
  switch (name) {
    case 'find':
      return { filter: optionalDocument(inner, 'filter') ?? {}, sort: optionalDocument(inner, 'sort'), limit: Math.abs(optionalNumber(inner, 'limit') ?? 0) || undefined, skip: optionalNumber(inner, 'skip'), hint: inner.hint, collation: inner.collation };
    case 'count':
    case 'distinct':
      return { filter: optionalDocument(inner, 'query') ?? {}, hint: inner.hint, collation: inner.collation };
    case 'findAndModify':
    case 'findandmodify':
      return { filter: optionalDocument(inner, 'query') ?? {}, sort: optionalDocument(inner, 'sort'), limit: 1, hint: inner.hint, collation: inner.collation };
    case 'update': {
      const u = statement('updates');
      return { filter: (u.q as Document | undefined) ?? {}, limit: u.multi ? undefined : 1, hint: u.hint, collation: u.collation };
    }
    case 'delete': {
      const d = statement('deletes');
      return { filter: (d.q as Document | undefined) ?? {}, limit: d.limit === 1 ? 1 : undefined, hint: d.hint, collation: d.collation };
    }
    default:
      throw new CommandError(59, 'CommandNotFound', `Explain failed due to unknown command: ${name}`);
  }
}

/** The explain command; aggregate is passed in (it imports this module). */
export const explainCommand = (context: CommandContext, aggregate: CommandHandler): Document => {
  const inner = optionalDocument(context.command, 'explain');
  if (!inner) throw new CommandError(9, 'FailedToParse', 'explain command requires a nested object');
  const name = Object.keys(inner)[0] ?? '';
  const verbosity = typeof context.command.verbosity === 'string' ? context.command.verbosity : 'allPlansExecution';
  if (name === 'aggregate') return aggregate({ ...context, command: { ...inner, explain: true } });
  const shape = shapeOf(name, inner);
  const collection = context.store.get(context.db, collectionName(inner, name));
  const options = { sort: shape.sort, skip: shape.skip, limit: shape.limit, hint: shape.hint, collation: collection?.collationFor(shape.collation) };
  const plan = collection?.plan(shape.filter, options);
  return report(collection, `${context.db}.${String(inner[name])}`, plan, shape, inner, verbosity, options);
};
