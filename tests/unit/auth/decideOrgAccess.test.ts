import { describe, expect, it } from 'vitest';
import { type AccessPorts, decideOrgAccess } from '@/lib/auth/orgAccess';
import type { Tenant } from '@/lib/tenants/types';

const acme: Tenant = {
  shortName: 'acme',
  name: 'Acme',
  clerkOrgId: 'org_acme',
  logoUrl: null,
  isTestOrg: false,
  ownerUserId: null,
  status: 'active',
  clerkUpdatedAt: null,
};

function ports(session: { userId: string | null; orgId?: string; orgRole?: string }, roles: Record<string, string> = {}) {
  const lookups: string[] = [];
  const p: AccessPorts = {
    session: async () => ({ userId: session.userId, orgId: session.orgId ?? null, orgRole: session.orgRole ?? null }),
    findTenant: async (shortName) =>
      ({ acme, archived: { ...acme, shortName: 'archived', clerkOrgId: 'org_arch', status: 'archived' as const } })[shortName] ??
      null,
    membership: async (userId, orgId) => {
      lookups.push(`${userId}@${orgId}`);
      const role = roles[userId];
      return role ? { role } : null;
    },
  };
  return { p, lookups };
}

describe('decideOrgAccess', () => {
  it('sends a signed-out visitor to sign-in', async () => {
    expect(await decideOrgAccess('acme', {}, ports({ userId: null }).p)).toEqual({ kind: 'signed-out' });
  });

  it('answers not-found for a malformed shortName without looking it up', async () => {
    const { p } = ports({ userId: 'u1' });
    p.findTenant = () => {
      throw new Error('must not be called');
    };
    expect((await decideOrgAccess('Bad Name!', {}, p)).kind).toBe('not-found');
    expect((await decideOrgAccess('admin', {}, p)).kind).toBe('not-found');
  });

  it('answers not-found for unknown and archived orgs', async () => {
    const { p } = ports({ userId: 'u1' }, { u1: 'org:admin' });
    expect((await decideOrgAccess('nope', {}, p)).kind).toBe('not-found');
    expect((await decideOrgAccess('archived', {}, p)).kind).toBe('not-found');
  });

  it('answers not-found (not forbidden) to a non-member, so the org cannot be probed', async () => {
    expect((await decideOrgAccess('acme', {}, ports({ userId: 'stranger' }).p)).kind).toBe('not-found');
  });

  it('takes the role from the session claims when the org is active, with no Clerk call', async () => {
    const { p, lookups } = ports({ userId: 'u1', orgId: 'org_acme', orgRole: 'org:admin' });
    expect(await decideOrgAccess('acme', { role: 'org:admin' }, p)).toMatchObject({ kind: 'granted', role: 'org:admin' });
    expect(lookups).toEqual([]);
  });

  it('asks Clerk when another org is active', async () => {
    const { p, lookups } = ports({ userId: 'u1', orgId: 'org_other', orgRole: 'org:admin' }, { u1: 'org:member' });
    expect(await decideOrgAccess('acme', {}, p)).toMatchObject({ kind: 'granted', role: 'org:member' });
    expect(lookups).toEqual(['u1@org_acme']);
  });

  it('forbids a member who lacks the role', async () => {
    const { p } = ports({ userId: 'u1' }, { u1: 'org:member' });
    expect((await decideOrgAccess('acme', { role: 'org:admin' }, p)).kind).toBe('forbidden');
  });

  it('never grants access when the membership look-up fails', async () => {
    const { p } = ports({ userId: 'u1' });
    p.membership = async () => {
      throw new Error('Clerk is down');
    };
    await expect(decideOrgAccess('acme', {}, p)).rejects.toThrow('Clerk is down');
  });
});
