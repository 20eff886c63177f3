import { describe, expect, it } from 'vitest';
import { decidePlatformAdmin, type PlatformAdminPorts as Ports } from '@/lib/auth/platformAdminDecision';

const T = 1_800_000_000_000;

function ports(admins: string[], changes: { userChangedAt?: number; signedOutAt?: number } = {}) {
  const asked: string[] = [];
  const p: Ports = {
    session: async () => ({ userId: 'u1', orgId: null, orgSlug: null, orgRole: null, issuedAt: T }),
    changesOf: async () => ({ orgs: {}, userChangedAt: 0, signedOutAt: 0, ...changes }),
    isPlatformAdmin: async (userId, freshness) => {
      asked.push(freshness.live ? 'live' : `notBefore=${freshness.notBefore}`);
      return admins.includes(userId);
    },
  };
  return { p, asked };
}

describe('decidePlatformAdmin', () => {
  it('grants a platform admin from the cached look-up on page views, never one loaded before a recorded user change', async () => {
    const { p, asked } = ports(['u1'], { userChangedAt: T + 5 });
    expect(await decidePlatformAdmin({}, p)).toEqual({ kind: 'granted', userId: 'u1' });
    expect(asked).toEqual([`notBefore=${T + 5}`]);
  });

  it('asks Clerk live for a mutation', async () => {
    const { p, asked } = ports([]);
    expect(await decidePlatformAdmin({ fresh: true }, p)).toEqual({ kind: 'not-found' });
    expect(asked).toEqual(['live']);
  });

  it('refuses a session issued before the user was deleted or banned', async () => {
    const { p, asked } = ports(['u1'], { signedOutAt: T + 1 });
    expect(await decidePlatformAdmin({ fresh: true }, p)).toEqual({ kind: 'signed-out' });
    expect(asked).toEqual([]);
  });
});
