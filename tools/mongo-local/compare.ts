// MongoDB's order of BSON values (the order indexes keep and ranges use):
// MinKey < null < numbers < strings < objects < arrays < binary < ObjectId
// < booleans < dates < timestamps < regular expressions < MaxKey. Strings
// compare by code unit, or by a collation when one applies.
import { Binary, BSONRegExp, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { CommandError } from './errors';
import { isPlainObject } from './keys';

export type Collation = {
  locale: string;
  strength?: number;
  caseLevel?: boolean;
  caseFirst?: string;
  numericOrdering?: boolean;
  alternate?: string;
};

/** A bound at the start (-1) or end (+1) of one type's range: `$gt: 5` stops at the last number. */
export class RankEdge {
  constructor(
    readonly rank: number,
    readonly side: -1 | 1,
  ) {}
}

export function typeRank(value: unknown): number {
  if (value instanceof MinKey) return 1;
  if (value === undefined || value === null) return 2;
  if (typeof value === 'number' || typeof value === 'bigint') return 3;
  if (value instanceof Long || value instanceof Decimal128 || value instanceof Int32 || value instanceof Double) return 3;
  if (typeof value === 'string') return 4;
  if (Array.isArray(value)) return 6;
  if (value instanceof Binary) return 7;
  if (value instanceof ObjectId) return 8;
  if (typeof value === 'boolean') return 9;
  if (value instanceof Date) return 10;
  if (value instanceof Timestamp) return 11;
  if (value instanceof RegExp || value instanceof BSONRegExp) return 12;
  if (value instanceof MaxKey) return 13;
  return 5;
}

const toNumber = (value: unknown): number =>
  typeof value === 'number' ? value : Number((value as { toString(): string }).toString());

export type StringCompare = (a: string, b: string) => number;

const binary: StringCompare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export function compareValues(a: unknown, b: unknown, strings: StringCompare = binary): number {
  if (b instanceof RankEdge) return -compareEdge(b, a);
  if (a instanceof RankEdge) return compareEdge(a, b);
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 3: {
      const x = toNumber(a);
      const y = toNumber(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 4:
      return Math.sign(strings(a as string, b as string));
    case 5:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>, strings);
    case 6:
      return compareArrays(a as unknown[], b as unknown[], strings);
    case 7:
      return Buffer.compare(Buffer.from((a as Binary).buffer), Buffer.from((b as Binary).buffer));
    case 8:
      return Buffer.compare((a as ObjectId).id, (b as ObjectId).id);
    case 9:
      return Number(a) - Number(b);
    case 10:
      return Math.sign((a as Date).getTime() - (b as Date).getTime());
    case 11:
      return (a as Timestamp).compare(b as Timestamp);
    default:
      return 0;
  }
}

function compareEdge(edge: RankEdge, value: unknown): number {
  const rank = typeRank(value);
  if (rank !== edge.rank) return edge.rank < rank ? -1 : 1;
  return edge.side;
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>, strings: StringCompare): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i += 1) {
    const [x, y] = [a[ka[i]!], b[kb[i]!]];
    const byType = typeRank(x) - typeRank(y);
    if (byType !== 0) return Math.sign(byType);
    const byName = binary(ka[i]!, kb[i]!);
    if (byName !== 0) return byName;
    const byValue = compareValues(x, y, strings);
    if (byValue !== 0) return byValue;
  }
  return Math.sign(ka.length - kb.length);
}

function compareArrays(a: unknown[], b: unknown[], strings: StringCompare): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const c = compareValues(a[i], b[i], strings);
    if (c !== 0) return c;
  }
  return Math.sign(a.length - b.length);
}

const STRENGTH: Record<number, 'base' | 'accent' | 'variant'> = { 1: 'base', 2: 'accent', 3: 'variant', 4: 'variant', 5: 'variant' };
const collators = new Map<string, Intl.Collator>();

/** Validates a collation document as mongod does; undefined for none or `{ locale: 'simple' }`. */
export function parseCollation(raw: unknown): Collation | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isPlainObject(raw)) throw new CommandError(14, 'TypeMismatch', "BSON field 'collation' is the wrong type, expected type 'object'");
  if (typeof raw.locale !== 'string') throw new CommandError(40414, 'Location40414', "BSON field 'collation.locale' is missing but a required field");
  const known = ['locale', 'strength', 'caseLevel', 'caseFirst', 'numericOrdering', 'alternate', 'maxVariable', 'backwards', 'normalization', 'version'];
  const unknown = Object.keys(raw).find((key) => !known.includes(key));
  if (unknown) throw new CommandError(40415, 'Location40415', `BSON field 'collation.${unknown}' is an unknown field.`);
  if (raw.locale === 'simple') return undefined;
  if (raw.locale !== 'root' && !isKnownLocale(raw.locale)) {
    throw new CommandError(2, 'BadValue', `Field 'locale' is invalid in: ${JSON.stringify(raw)}`);
  }
  const strength = raw.strength === undefined ? 3 : Number(raw.strength);
  if (!(strength >= 1 && strength <= 5)) throw new CommandError(2, 'BadValue', 'unable to parse collation :: caused by :: Field \'strength\' must be an integer 1 through 5');
  // Reported back the way mongod fills it in (listIndexes, listCollections).
  return {
    locale: raw.locale,
    caseLevel: raw.caseLevel === true,
    caseFirst: typeof raw.caseFirst === 'string' ? raw.caseFirst : 'off',
    strength,
    numericOrdering: raw.numericOrdering === true,
    alternate: typeof raw.alternate === 'string' ? raw.alternate : 'non-ignorable',
  };
}

export function collatorFor(collation: Collation | undefined): StringCompare | undefined {
  if (!collation) return undefined;
  const key = JSON.stringify(collation);
  let collator = collators.get(key);
  if (!collator) {
    let sensitivity: 'base' | 'accent' | 'variant' | 'case' = STRENGTH[collation.strength ?? 3] ?? 'variant';
    if (collation.caseLevel && sensitivity === 'base') sensitivity = 'case';
    if (collation.caseLevel && sensitivity === 'accent') sensitivity = 'variant';
    collator = new Intl.Collator(intlLocale(collation.locale), {
      sensitivity,
      numeric: collation.numericOrdering === true,
      caseFirst: collation.caseFirst === 'upper' || collation.caseFirst === 'lower' ? collation.caseFirst : 'false',
      ignorePunctuation: collation.alternate === 'shifted',
      usage: 'sort',
    });
    collators.set(key, collator);
  }
  return collator.compare;
}

/** MongoDB names locales the ICU way (`en_US`, `de@collation=phonebook`); Intl wants BCP 47. */
export function intlLocale(locale: string): string {
  if (locale === 'root') return 'und';
  const [base = '', keywords = ''] = locale.split('@');
  const tag = base.replace(/_/g, '-');
  const collation = /collation=(\w+)/.exec(keywords)?.[1];
  return collation ? `${tag}-u-co-${collation.slice(0, 8)}` : tag;
}

function isKnownLocale(locale: string): boolean {
  try {
    return Intl.Collator.supportedLocalesOf([intlLocale(locale)]).length > 0;
  } catch {
    return false;
  }
}

/** The collation as mingo's sort takes it (it hands the locale to Intl.Collator). */
export function forMingo(collation: Collation | undefined): Collation | undefined {
  return collation && { ...collation, locale: intlLocale(collation.locale) };
}

export function sameCollation(a: Collation | undefined, b: Collation | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
