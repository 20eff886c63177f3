// MongoDB's order of BSON values, which index scans and ranges rely on, and
// the collation keys used to match under a collation.
import { MaxKey, MinKey, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { collationKey } from '../../../tools/mongo-local/collate';
import { RankEdge, collatorFor, compareValues, parseCollation } from '../../../tools/mongo-local/compare';

describe('compareValues', () => {
  it('orders types as MongoDB does: MinKey, null, numbers, strings, objects, arrays, ObjectId, booleans, dates, MaxKey', () => {
    const ordered = [new MinKey(), null, -1, 2.5, 'a', { a: 1 }, [1], new ObjectId('000000000000000000000001'), false, true, new Date(0), new MaxKey()];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort((a, b) => compareValues(a, b))).toEqual(ordered);
  });

  it('treats a missing value as null and compares numbers across types by value', () => {
    expect(compareValues(undefined, null)).toBe(0);
    expect(compareValues(1, 1.0)).toBe(0);
    expect(compareValues(2, 10)).toBeLessThan(0);
  });

  it('bounds a range to one type: the end of numbers comes before any string', () => {
    const endOfNumbers = new RankEdge(3, 1);
    expect(compareValues(1e300, endOfNumbers)).toBeLessThan(0);
    expect(compareValues('', endOfNumbers)).toBeGreaterThan(0);
  });

  it('compares strings by a collation when given one', () => {
    const caseInsensitive = collatorFor(parseCollation({ locale: 'en', strength: 2 }));
    expect(compareValues('A@x.io', 'a@x.io', caseInsensitive)).toBe(0);
    expect(compareValues('A@x.io', 'a@x.io')).not.toBe(0);
  });
});

describe('collationKey', () => {
  it('folds case at strength 2, accents too at strength 1, and pads digits for numericOrdering', () => {
    expect(collationKey(parseCollation({ locale: 'en', strength: 2 })!)('Ärger')).toBe('ärger');
    expect(collationKey(parseCollation({ locale: 'en', strength: 1 })!)('Ärger')).toBe('arger');
    const numeric = collationKey(parseCollation({ locale: 'en', numericOrdering: true })!);
    expect(numeric('f9') < numeric('f10')).toBe(true);
  });
});
