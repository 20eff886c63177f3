// One index: its entries kept in key order (a sorted array; inserts splice),
// so that equality, ranges and sort order are binary searches, and unique
// keys are enforced by looking at the neighbours of a new entry. Strings
// compare by the index's collation when it has one.
import type { Document } from 'bson';
import { Query } from 'mingo';
import { type Collation, type StringCompare, collatorFor, compareValues, parseCollation } from './compare';
import { CommandError } from './errors';
import { DuplicateKeyError, ID_INDEX, type IndexSpec } from './indexSpec';
import { valuesAtPath } from './keys';

export { DuplicateKeyError, ID_INDEX, defaultIndexName, normalizeIndexSpec, specConflict, type IndexSpec } from './indexSpec';

export type Entry = { values: unknown[]; idKey: string };
/** One side of a range in index order: a value, and whether the value itself is excluded. */
export type Edge = { value: unknown; exclusive: boolean };
export type Range = { start: Edge[]; end: Edge[] };

export class Index {
  readonly fields: string[];
  readonly directions: number[];
  readonly collation: Collation | undefined;
  readonly strings: StringCompare | undefined;
  readonly partial: Query | undefined;
  /** Some document contributed an array: one document, several entries. */
  multikey = false;
  private readonly paths: string[][];
  private readonly entries: Entry[] = [];

  constructor(
    readonly spec: IndexSpec,
    private readonly ns: string,
  ) {
    this.fields = Object.keys(spec.key);
    this.directions = this.fields.map((field) => (Number(spec.key[field]?.toString()) < 0 ? -1 : 1));
    this.paths = this.fields.map((field) => field.split('.'));
    this.collation = parseCollation(spec.collation);
    this.strings = collatorFor(this.collation);
    // partialFilterExpression uses the query language: mingo evaluates it.
    this.partial = spec.partialFilterExpression ? new Query(spec.partialFilterExpression, {}) : undefined;
  }

  get enforcesUniqueness(): boolean {
    return this.spec.unique === true || this.spec.name === ID_INDEX.name;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Throws the duplicate-key error if `doc` would collide with another document. */
  check(doc: Document, idKey: string): void {
    if (!this.enforcesUniqueness) return;
    for (const values of this.keysOf(doc)) {
      let at = this.lowerBound(values, '');
      for (; at < this.entries.length; at += 1) {
        const entry = this.entries[at]!;
        if (this.compareValues(entry.values, values) !== 0) break;
        if (entry.idKey !== idKey) {
          throw new DuplicateKeyError(this.ns, this.spec, Object.fromEntries(this.fields.map((f, i) => [f, values[i] ?? null])));
        }
      }
    }
  }

  add(doc: Document, idKey: string): void {
    for (const values of this.keysOf(doc)) {
      const at = this.lowerBound(values, idKey);
      const existing = this.entries[at];
      if (existing && existing.idKey === idKey && this.compareValues(existing.values, values) === 0) continue;
      this.entries.splice(at, 0, { values, idKey });
    }
  }

  remove(doc: Document, idKey: string): void {
    for (const values of this.keysOf(doc)) {
      const at = this.lowerBound(values, idKey);
      const existing = this.entries[at];
      if (existing && existing.idKey === idKey && this.compareValues(existing.values, values) === 0) this.entries.splice(at, 1);
    }
  }

  /** `_id` keys of the entries in `ranges`, in index order (reversed if asked), each once. */
  *scan(ranges: Range[], reverse: boolean): Generator<string> {
    const seen = new Set<string>();
    const ordered = reverse ? [...ranges].reverse() : ranges;
    for (const range of ordered) {
      if (!reverse) {
        for (let at = this.firstAtOrAfter(range.start); at < this.entries.length; at += 1) {
          const entry = this.entries[at]!;
          if (this.compareToEdges(entry.values, range.end, 1) > 0) break;
          if (!seen.has(entry.idKey)) yield entry.idKey;
          seen.add(entry.idKey);
        }
      } else {
        for (let at = this.firstAfter(range.end) - 1; at >= 0; at -= 1) {
          const entry = this.entries[at]!;
          if (this.compareToEdges(entry.values, range.start, -1) < 0) break;
          if (!seen.has(entry.idKey)) yield entry.idKey;
          seen.add(entry.idKey);
        }
      }
    }
  }

  /** The key tuples `doc` contributes (none if a partial or sparse index leaves it out). */
  keysOf(doc: Document): unknown[][] {
    if (this.partial && !this.partial.test(doc)) return [];
    const perField = this.paths.map((path) => valuesAtPath(doc, path));
    // Sparse: documents lacking every indexed field are not in the index.
    if (this.spec.sparse && perField.every((values) => values.every((v) => v === undefined))) return [];
    const arrays = perField.filter((values) => values.length > 1).length;
    if (arrays > 1) throw new CommandError(171, 'CannotIndexParallelArrays', `cannot index parallel arrays [${this.fields.join('] [')}]`);
    if (arrays > 0) this.multikey = true;
    let combos: unknown[][] = [[]];
    for (const values of perField) combos = combos.flatMap((combo) => values.map((v) => [...combo, v]));
    return combos;
  }

  private compareValues(a: unknown[], b: unknown[]): number {
    for (let i = 0; i < a.length; i += 1) {
      const c = compareValues(a[i], b[i], this.strings);
      if (c !== 0) return c * this.directions[i]!;
    }
    return 0;
  }

  // Position of (values, idKey) in the entries; '' sorts before every _id key.
  private lowerBound(values: unknown[], idKey: string): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const entry = this.entries[mid]!;
      const c = this.compareValues(entry.values, values) || (entry.idKey < idKey ? -1 : entry.idKey > idKey ? 1 : 0);
      if (c < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Entry against a range edge, in index order. At the first field that
   * differs, that decides; on an equal value, an exclusive start means the
   * entry comes before it (side -1), an exclusive end that it comes after (+1).
   */
  private compareToEdges(values: unknown[], edges: Edge[], side: -1 | 1): number {
    for (let i = 0; i < edges.length; i += 1) {
      const edge = edges[i]!;
      const c = compareValues(values[i], edge.value, this.strings) * this.directions[i]!;
      if (c !== 0) return c;
      if (edge.exclusive) return side;
    }
    return 0;
  }

  private firstAtOrAfter(start: Edge[]): number {
    return this.search((values) => this.compareToEdges(values, start, -1) >= 0);
  }

  private firstAfter(end: Edge[]): number {
    return this.search((values) => this.compareToEdges(values, end, 1) > 0);
  }

  // First position whose entry satisfies a predicate that is monotone in index order.
  private search(isAtOrPast: (values: unknown[]) => boolean): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (isAtOrPast(this.entries[mid]!.values)) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
