import { describe, expect, it } from 'vitest';
import { ByOrgMap } from '../../../tools/clerk-local/store/byOrg';

// clerk-local's memberships and invitations: a Map by id that also answers
// "this org's records" without scanning the instance.
const rec = (id: string, org: string, note = '') => ({ id, organization_id: org, note });

describe('clerk-local ByOrgMap', () => {
  it('lists an org\'s records in insertion order, and only that org\'s', () => {
    const map = new ByOrgMap<ReturnType<typeof rec>>();
    map.set('a', rec('a', 'org_1')).set('b', rec('b', 'org_2')).set('c', rec('c', 'org_1'));
    expect(map.of('org_1').map((r) => r.id)).toEqual(['a', 'c']);
    expect(map.of('org_2').map((r) => r.id)).toEqual(['b']);
    expect(map.of('org_3')).toEqual([]);
    expect([...map.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('replaces a record in place, and moves it when its org changes', () => {
    const map = new ByOrgMap<ReturnType<typeof rec>>();
    map.set('a', rec('a', 'org_1')).set('c', rec('c', 'org_1'));
    map.set('a', rec('a', 'org_1', 'updated'));
    expect(map.of('org_1').map((r) => `${r.id}${r.note}`)).toEqual(['aupdated', 'c']);
    map.set('a', rec('a', 'org_2'));
    expect(map.of('org_1').map((r) => r.id)).toEqual(['c']);
    expect(map.of('org_2').map((r) => r.id)).toEqual(['a']);
    expect(map.size).toBe(2);
  });

  it('forgets deleted records and cleared maps in both views', () => {
    const map = new ByOrgMap<ReturnType<typeof rec>>();
    map.set('a', rec('a', 'org_1')).set('b', rec('b', 'org_1'));
    for (const r of map.of('org_1')) map.delete(r.id);
    expect(map.of('org_1')).toEqual([]);
    expect(map.size).toBe(0);
    expect(map.delete('a')).toBe(false);
    map.set('x', rec('x', 'org_9'));
    map.clear();
    expect(map.of('org_9')).toEqual([]);
  });
});
