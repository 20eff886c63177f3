import { describe, expect, it } from 'vitest';
import { cachedMembership, invalidateMembership } from '@/lib/access';

function counter(role = 'org:member') {
  let calls = 0;
  const load = async () => {
    calls += 1;
    await Promise.resolve(); // still pending while the other calls, made in the same tick, arrive
    return { role };
  };
  return { load, calls: () => calls };
}

describe('membership cache', () => {
  it('coalesces concurrent identical look-ups into one', async () => {
    const { load, calls } = counter();
    const results = await Promise.all(Array.from({ length: 10 }, () => cachedMembership('u1', 'org_a', load)));
    expect(results.every((r) => r?.role === 'org:member')).toBe(true);
    expect(calls()).toBe(1);
  });

  it('serves from cache within the period and asks again after it', async () => {
    const { load, calls } = counter();
    const t = 1_000_000;
    await cachedMembership('u2', 'org_a', load, t);
    await cachedMembership('u2', 'org_a', load, t + 29_000);
    expect(calls()).toBe(1);
    await cachedMembership('u2', 'org_a', load, t + 31_000);
    expect(calls()).toBe(2);
  });

  it('drops an entry when a membership webhook invalidates it', async () => {
    const { load, calls } = counter();
    await cachedMembership('u3', 'org_b', load);
    invalidateMembership('org_b', 'u3');
    await cachedMembership('u3', 'org_b', load);
    expect(calls()).toBe(2);
  });

  it('does not remember a failed look-up', async () => {
    let fail = true;
    const load = async () => {
      if (fail) throw new Error('Clerk down');
      return { role: 'org:admin' };
    };
    await expect(cachedMembership('u4', 'org_c', load)).rejects.toThrow('Clerk down');
    fail = false;
    await expect(cachedMembership('u4', 'org_c', load)).resolves.toEqual({ role: 'org:admin' });
  });
});

describe('membership cache and recorded changes', () => {
  it('does not serve an entry loaded before a change recorded in MongoDB', async () => {
    const { load, calls } = counter();
    const t = 2_000_000;
    await cachedMembership('u5', 'org_d', load, t);
    await cachedMembership('u5', 'org_d', load, t + 1000, t);
    expect(calls()).toBe(1);
    await cachedMembership('u5', 'org_d', load, t + 2000, t + 1500);
    expect(calls()).toBe(2);
    await cachedMembership('u5', 'org_d', load, t + 3000, t + 1500);
    expect(calls()).toBe(2);
  });
});
