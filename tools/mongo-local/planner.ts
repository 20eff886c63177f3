// Query planning: which index (if any) answers a filter and sort, and the
// ranges to scan in it. The filter is always applied in full to what the
// scan returns, so bounds only need to be a superset of the matches; when in
// doubt a field gets no bounds (or the query a COLLSCAN), never wrong ones.
import { BSONRegExp, EJSON, MaxKey, MinKey, type Document } from 'bson';
import { type Collation, RankEdge, compareValues, sameCollation, typeRank } from './compare';
import { CommandError } from './errors';
import type { Edge, Index, Range } from './indexes';
import { isPlainObject, keyOf } from './keys';

type Interval = { low: unknown; lowIncl: boolean; high: unknown; highIncl: boolean };

export type Plan =
  | { stage: 'COLLSCAN' }
  | { stage: 'IXSCAN'; index: Index; ranges: Range[]; reverse: boolean; sorted: boolean; bounds: Record<string, string[]> };

const FULL: Interval = { low: new MinKey(), lowIncl: true, high: new MaxKey(), highIncl: true };
/** More ranges than this and the scan keeps only the leading fields' bounds. */
const MAX_RANGES = 256;

export type PlanRequest = { filter: Document; sort?: Document; collation?: Collation; hint?: unknown };

export function planQuery(indexes: Index[], request: PlanRequest): Plan {
  const conditions = fieldConditions(request.filter);
  const sort = Object.entries(request.sort ?? {}).filter(([field]) => field !== '$natural');
  if (request.hint !== undefined) return hinted(indexes, request, conditions, sort);
  let best: { index: Index; score: number; intervals: Array<Interval[] | undefined> } | undefined;
  for (const index of indexes) {
    if (!usable(index, request, conditions)) continue;
    const intervals = index.fields.map((field) => intervalsFor(conditions.get(field), index, request.collation));
    if (!intervals[0]) continue;
    let score = 0;
    for (const field of intervals) {
      if (!field) break;
      const points = field.every(isPoint);
      score += points ? 2 : 1;
      if (!points) break;
    }
    if (index.enforcesUniqueness && intervals.every((field) => field?.every(isPoint))) score += 10;
    if (providesSort(index, intervals, sort, request.collation)) score += 1;
    if (!best || score > best.score || (score === best.score && index.fields.length < best.index.fields.length)) {
      best = { index, score, intervals };
    }
  }
  if (best) return indexPlan(best.index, best.intervals, sort, request.collation);
  // No index for the filter: one whose order is the sort still saves sorting.
  for (const index of indexes) {
    if (!usable(index, request, conditions) || index.partial || index.spec.sparse) continue;
    const intervals = index.fields.map(() => undefined);
    if (sort.length > 0 && providesSort(index, intervals, sort, request.collation)) {
      return indexPlan(index, intervals, sort, request.collation);
    }
  }
  return { stage: 'COLLSCAN' };
}

function hinted(indexes: Index[], request: PlanRequest, conditions: Map<string, unknown[]>, sort: Array<[string, unknown]>): Plan {
  const hint = request.hint;
  if (isPlainObject(hint) && '$natural' in hint) return { stage: 'COLLSCAN' };
  const index = indexes.find((candidate) =>
    typeof hint === 'string' ? candidate.spec.name === hint : keyOf(candidate.spec.key) === keyOf(hint),
  );
  if (!index) throw new CommandError(2, 'BadValue', 'error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index');
  const intervals = index.fields.map((field) => intervalsFor(conditions.get(field), index, request.collation));
  return indexPlan(index, intervals, sort, request.collation);
}

function indexPlan(index: Index, intervals: Array<Interval[] | undefined>, sort: Array<[string, unknown]>, collation?: Collation): Plan {
  const sorted = providesSort(index, intervals, sort, collation);
  const reverse = sorted && sort.length > 0 && Number(sort[0]![1]) * index.directions[index.fields.indexOf(sort[0]![0])]! < 0;
  let ranges: Range[] = [{ start: [], end: [] }];
  let prefixIsPoints = true;
  for (let i = 0; i < index.fields.length; i += 1) {
    const own = toIndexOrder(intervals[i] ?? [FULL], index, i);
    // Past the first field that is not all points, the tuple order no longer
    // follows this field: scan it whole.
    const usePoints: boolean = prefixIsPoints && ranges.length * own.length <= MAX_RANGES;
    const next = usePoints ? own : toIndexOrder([FULL], index, i);
    ranges = ranges.flatMap((range) => next.map((iv) => ({ start: [...range.start, iv.start], end: [...range.end, iv.end] })));
    prefixIsPoints = usePoints && (intervals[i] ?? [FULL]).every(isPoint);
  }
  const bounds = Object.fromEntries(index.fields.map((field, i) => [field, (intervals[i] ?? [FULL]).map(formatInterval)]));
  return { stage: 'IXSCAN', index, ranges, reverse, sorted, bounds };
}

// A descending field keeps its values high to low: its ranges run from the
// high edge to the low one, and their order is reversed.
function toIndexOrder(intervals: Interval[], index: Index, at: number): Array<{ start: Edge; end: Edge }> {
  const sorted = [...intervals].sort((a, b) => compareValues(a.low, b.low, index.strings));
  const ascending = sorted.map((iv) => ({ start: { value: iv.low, exclusive: !iv.lowIncl }, end: { value: iv.high, exclusive: !iv.highIncl } }));
  if (index.directions[at]! > 0) return ascending;
  return ascending.reverse().map(({ start, end }) => ({ start: end, end: start }));
}

function usable(index: Index, request: PlanRequest, conditions: Map<string, unknown[]>): boolean {
  if (index.spec.hidden === true) return false;
  // A partial index holds only some documents: the filter must ask for no more.
  if (index.spec.partialFilterExpression) {
    const implied = Object.entries(index.spec.partialFilterExpression as Document).every(([field, condition]) =>
      (conditions.get(field) ?? []).some((given) => keyOf(given) === keyOf(condition)),
    );
    if (!implied) return false;
  }
  if (index.spec.sparse) {
    // A sparse index lacks the documents without the field, which null matches.
    const wantsNull = index.fields.some((field) => (intervalsFor(conditions.get(field), index, request.collation) ?? [FULL]).some(containsNull));
    if (wantsNull) return false;
  }
  return true;
}

function providesSort(index: Index, intervals: Array<Interval[] | undefined>, sort: Array<[string, unknown]>, collation?: Collation): boolean {
  if (sort.length === 0) return true;
  if (index.multikey || !sameCollation(index.collation, collation)) return false;
  let skip = 0;
  while (skip < intervals.length && intervals[skip]?.length === 1 && isPoint(intervals[skip]![0]!)) skip += 1;
  const rest = index.fields.slice(skip);
  if (sort.length > rest.length) return false;
  const signs = sort.map(([field, direction], i) => (rest[i] === field ? Math.sign(Number(direction)) * index.directions[skip + i]! : 0));
  return signs.every((sign) => sign === 1) || signs.every((sign) => sign === -1);
}

/** The conditions on each top-level field, `$and` included. */
function fieldConditions(filter: Document, into = new Map<string, unknown[]>()): Map<string, unknown[]> {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const clause of value) if (isPlainObject(clause)) fieldConditions(clause, into);
    } else if (!key.startsWith('$')) {
      into.set(key, [...(into.get(key) ?? []), value]);
    }
  }
  return into;
}

// undefined: the field gets no bounds from these conditions.
function intervalsFor(conditions: unknown[] | undefined, index: Index, collation?: Collation): Interval[] | undefined {
  if (!conditions) return undefined;
  let result: Interval[] | undefined;
  for (const condition of conditions) {
    const parts = isOperatorObject(condition) ? Object.entries(condition) : [['$eq', condition] as [string, unknown]];
    for (const [op, operand] of parts) {
      const intervals = intervalsOf(op, operand);
      if (!intervals) continue;
      const values = intervals.flatMap((iv) => [iv.low, iv.high]);
      if (values.some(hasString) && !sameCollation(index.collation, collation)) continue;
      // On a multikey index two conditions may be met by different elements: keep one.
      if (result && index.multikey) continue;
      result = result ? intersect(result, intervals, index) : intervals;
    }
  }
  return result;
}

function intervalsOf(op: string, operand: unknown): Interval[] | undefined {
  const rank = typeRank(operand);
  const plain = rank !== 6 && rank !== 12 && !(isPlainObject(operand) && Object.keys(operand).some((k) => k.startsWith('$')));
  switch (op) {
    case '$eq':
      return plain ? [point(operand)] : undefined;
    case '$in': {
      if (!Array.isArray(operand) || !operand.every((v) => intervalsOf('$eq', v))) return undefined;
      const sorted = [...operand].sort((a, b) => compareValues(a, b));
      return sorted.filter((v, i) => i === 0 || compareValues(v, sorted[i - 1]) !== 0).map(point);
    }
    case '$gt':
    case '$gte':
      if (!plain || rank <= 2 || rank === 13) return undefined;
      return [{ low: operand, lowIncl: op === '$gte', high: new RankEdge(rank, 1), highIncl: true }];
    case '$lt':
    case '$lte':
      if (!plain || rank <= 2 || rank === 13) return undefined;
      return [{ low: new RankEdge(rank, -1), lowIncl: true, high: operand, highIncl: op === '$lte' }];
    default:
      return undefined;
  }
}

function intersect(a: Interval[], b: Interval[], index: Index): Interval[] {
  const cmp = (x: unknown, y: unknown) => compareValues(x, y, index.strings);
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const lowC = cmp(x.low, y.low);
      const low = lowC > 0 ? x : lowC < 0 ? y : { ...x, lowIncl: x.lowIncl && y.lowIncl };
      const highC = cmp(x.high, y.high);
      const high = highC < 0 ? x : highC > 0 ? y : { ...x, highIncl: x.highIncl && y.highIncl };
      const c = cmp(low.low, high.high);
      if (c < 0 || (c === 0 && low.lowIncl && high.highIncl)) {
        out.push({ low: low.low, lowIncl: low.lowIncl, high: high.high, highIncl: high.highIncl });
      }
    }
  }
  return out;
}

const point = (value: unknown): Interval => ({ low: value ?? null, lowIncl: true, high: value ?? null, highIncl: true });
const isPoint = (iv: Interval) => iv.lowIncl && iv.highIncl && compareValues(iv.low, iv.high) === 0;
const containsNull = (iv: Interval) => compareValues(iv.low, null) <= 0 && compareValues(iv.high, null) >= 0;
const isOperatorObject = (value: unknown): value is Document =>
  isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => k.startsWith('$'));

function hasString(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(hasString);
  return isPlainObject(value) && Object.values(value).some(hasString);
}

function formatBound(value: unknown, side: -1 | 1): string {
  if (value instanceof MinKey) return 'MinKey';
  if (value instanceof MaxKey) return 'MaxKey';
  if (value instanceof RankEdge) {
    const edges: Record<number, [string, string]> = { 3: ['-inf', 'inf'], 4: ['""', '{}'], 10: ['new Date(-9223372036854775808)', 'new Date(9223372036854775807)'] };
    return edges[value.rank]?.[value.side < 0 ? 0 : 1] ?? (side < 0 ? 'MinKey' : 'MaxKey');
  }
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof BSONRegExp || value instanceof RegExp) return String(value);
  return typeof value === 'string' ? JSON.stringify(value) : EJSON.stringify({ v: value } as Document).slice(5, -1);
}

function formatInterval(iv: Interval): string {
  return `${iv.lowIncl ? '[' : '('}${formatBound(iv.low, -1)}, ${formatBound(iv.high, 1)}${iv.highIncl ? ']' : ')'}`;
}
