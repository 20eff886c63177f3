import { describe, expect, it } from 'vitest';
import { deepMergeMetadata, isValidSlug, roleKey, slugFromName } from '../../../tools/clerk-local/rules';

describe('clerk-local metadata merge', () => {
  it('merges nested objects, removes keys set to null at any depth, replaces arrays and scalars', () => {
    const base = { a: 1, keep: 'k', nested: { x: 1, y: { z: 1 } }, list: [1, 2] };
    const merged = deepMergeMetadata(base, { a: null, nested: { y: { z: null, w: 2 } }, list: [3], added: true });
    expect(merged).toEqual({ keep: 'k', nested: { x: 1, y: { w: 2 } }, list: [3], added: true });
    expect(base.a).toBe(1); // input untouched
  });

  it('replaces an object with a scalar and a scalar with an object', () => {
    expect(deepMergeMetadata({ a: { b: 1 }, c: 1 }, { a: 2, c: { d: 1 } })).toEqual({ a: 2, c: { d: 1 } });
  });
});

describe('clerk-local slug rules', () => {
  it('accepts lowercase letters, digits and dashes only', () => {
    expect(isValidSlug('test-0007')).toBe(true);
    expect(isValidSlug('Acme')).toBe(false);
    expect(isValidSlug('a_b')).toBe(false);
    expect(isValidSlug('a b')).toBe(false);
    expect(isValidSlug('')).toBe(false);
  });

  it('derives a slug from a name', () => {
    expect(slugFromName('Hello, World Corp!')).toBe('hello-world-corp');
    expect(slugFromName('Café Ünïcode')).toBe('cafe-unicode');
    expect(slugFromName('!!!')).toBe('organization');
  });

  it('drops the org: prefix for the session token role', () => {
    expect(roleKey('org:admin')).toBe('admin');
    expect(roleKey('member')).toBe('member');
  });
});
