import { describe, expect, it } from 'vitest';
import { UnknownUserError } from '@/lib/domain';
import { provisionTestOrg } from '@/lib/tenants/provisionTestOrg';
import { testOrgShortName } from '@/lib/tenants/testOrgName';
import { fakePorts } from './fakes';

describe('testOrgShortName', () => {
  it('zero-pads to four digits and grows past 9999', () => {
    expect(testOrgShortName(7)).toBe('test-0007');
    expect(testOrgShortName(9999)).toBe('test-9999');
    expect(testOrgShortName(12345)).toBe('test-12345');
  });
  it('rejects numbers that are not positive integers', () => {
    expect(() => testOrgShortName(0)).toThrow(RangeError);
    expect(() => testOrgShortName(1.5)).toThrow(RangeError);
  });
});

describe('provisionTestOrg', () => {
  it('creates test-0001, makes the user its creator and sets newTenantSlug, in two Clerk calls', async () => {
    const { ports, clerkOrgs, metadata, calls } = fakePorts();
    const { tenant, created } = await provisionTestOrg('user_a', ports);
    expect(created).toBe(true);
    expect(tenant).toMatchObject({ shortName: 'test-0001', name: 'test-0001', status: 'active', ownerUserId: 'user_a' });
    const [org] = [...clerkOrgs.values()];
    expect(org).toMatchObject({ slug: 'test-0001', createdBy: 'user_a', publicMetadata: { testOrgOwner: 'user_a' } });
    expect(tenant.clerkOrgId).toBe(org!.id);
    expect(metadata.get('user_a')).toEqual({ newTenantSlug: 'test-0001' });
    expect(calls).toEqual(['createOrganization', 'mergeUserPublicMetadata']);
  });

  it('leaves no reservation and no gap in the numbers for a user Clerk does not have', async () => {
    const { ports, tenants, unknownUsers, counter, metadata } = fakePorts();
    unknownUsers.add('user_ghost');
    await expect(provisionTestOrg('user_ghost', ports)).rejects.toBeInstanceOf(UnknownUserError);
    expect([...tenants.values()]).toEqual([]);
    expect(counter()).toBe(0);
    expect(metadata.has('user_ghost')).toBe(false);
    expect((await provisionTestOrg('user_real', ports)).tenant.shortName).toBe('test-0001');
  });

  it('finishes an org adopted from organization.created (provisioning, Clerk org attached) by writing newTenantSlug first', async () => {
    const { ports, tenants, metadata, calls } = fakePorts();
    tenants.set('test-0004', {
      shortName: 'test-0004',
      name: 'test-0004',
      clerkOrgId: 'org_adopted',
      logoUrl: null,
      isTestOrg: true,
      ownerUserId: 'user_a',
      status: 'provisioning',
      clerkUpdatedAt: null,
    });
    const { tenant } = await provisionTestOrg('user_a', ports);
    expect(tenant).toMatchObject({ shortName: 'test-0004', status: 'active', clerkOrgId: 'org_adopted' });
    expect(metadata.get('user_a')).toEqual({ newTenantSlug: 'test-0004' });
    expect(calls).toEqual(['mergeUserPublicMetadata']);
  });

  it('returns the existing org without calling Clerk on the next call', async () => {
    const { ports, calls } = fakePorts();
    await provisionTestOrg('user_a', ports);
    calls.length = 0;
    const again = await provisionTestOrg('user_a', ports);
    expect(again.created).toBe(false);
    expect(again.tenant.shortName).toBe('test-0001');
    expect(calls).toEqual([]);
  });

  it('gives one org to a user whatever the number of concurrent calls', async () => {
    const { ports, tenants, clerkOrgs } = fakePorts();
    const results = await Promise.all(Array.from({ length: 5 }, () => provisionTestOrg('user_a', ports)));
    expect(new Set(results.map((r) => r.tenant.shortName)).size).toBe(1);
    expect(tenants.size).toBe(1);
    expect(clerkOrgs.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it('gives different users distinct, gap-free numbers', async () => {
    const { ports } = fakePorts();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => provisionTestOrg(`user_${i}`, ports)));
    const names = results.map((r) => r.tenant.shortName).sort();
    expect(names).toEqual(Array.from({ length: 50 }, (_, i) => testOrgShortName(i + 1)));
  });

  it('converges after a failed Clerk create', async () => {
    const { ports, clerkOrgs, faults } = fakePorts();
    faults.failCreateOnce = new Error('Clerk 503');
    await expect(provisionTestOrg('user_a', ports)).rejects.toThrow('Clerk 503');
    const { tenant } = await provisionTestOrg('user_a', ports);
    expect(tenant).toMatchObject({ shortName: 'test-0001', status: 'active' });
    expect(clerkOrgs.size).toBe(1);
  });

  it('adopts the Clerk org a crashed attempt created instead of creating a second', async () => {
    const { ports, clerkOrgs, faults, calls } = fakePorts();
    faults.crashBeforeAttach = true;
    await expect(provisionTestOrg('user_a', ports)).rejects.toThrow('crashed');
    calls.length = 0;
    const { tenant } = await provisionTestOrg('user_a', ports);
    expect(clerkOrgs.size).toBe(1);
    expect(tenant.clerkOrgId).toBe([...clerkOrgs.keys()][0]);
    expect(calls).toEqual(['findOrganizationBySlug', 'mergeUserPublicMetadata']);
  });

  it('adopts the org when the create failed after Clerk made it', async () => {
    const { ports, clerkOrgs, faults } = fakePorts();
    faults.failAfterCreate = true;
    const { tenant } = await provisionTestOrg('user_a', ports);
    expect(clerkOrgs.size).toBe(1);
    expect(tenant).toMatchObject({ status: 'active', clerkOrgId: [...clerkOrgs.keys()][0] });
  });

  it("moves to the next number when a stranger's Clerk org holds the slug (MongoDB reset, Clerk kept)", async () => {
    const { ports, clerkOrgs } = fakePorts();
    const before = 'user_before_the_reset';
    clerkOrgs.set('org_x', { id: 'org_x', slug: 'test-0001', name: 'test-0001', logoUrl: null, createdBy: before, publicMetadata: { testOrgOwner: before }, updatedAt: new Date() });
    const { tenant } = await provisionTestOrg('user_a', ports);
    expect(tenant).toMatchObject({ shortName: 'test-0002', name: 'test-0002', status: 'active' });
    expect(clerkOrgs.get('org_x')?.createdBy).toBe('user_before_the_reset');
    expect([...clerkOrgs.values()].filter((o) => o.createdBy === 'user_a').map((o) => o.slug)).toEqual(['test-0002']);
  });

  it('never adopts an org that is not the user\'s own', async () => {
    const { ports, clerkOrgs, faults } = fakePorts();
    faults.failCreateOnce = new Error('Clerk 503');
    await expect(provisionTestOrg('user_a', ports)).rejects.toThrow();
    clerkOrgs.set('org_x', { id: 'org_x', slug: 'test-0001', name: 'squatter', logoUrl: null, createdBy: 'user_b', publicMetadata: {}, updatedAt: new Date() });
    const { tenant } = await provisionTestOrg('user_a', ports);
    expect(tenant.clerkOrgId).not.toBe('org_x');
    expect(tenant.shortName).toBe('test-0002');
  });

  it('skips a number whose name is already used by another org', async () => {
    const { ports, tenants } = fakePorts();
    tenants.set('test-0001', {
      shortName: 'test-0001',
      name: 'Imported',
      clerkOrgId: 'org_imported',
      logoUrl: null,
      isTestOrg: false,
      ownerUserId: null,
      status: 'active',
      clerkUpdatedAt: null,
    });
    const { tenant } = await provisionTestOrg('user_a', ports);
    expect(tenant.shortName).toBe('test-0002');
  });
});
