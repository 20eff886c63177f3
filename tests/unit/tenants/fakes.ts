import { OwnerTakenError, ShortNameTakenError, UnknownUserError } from '@/lib/domain';
import type { ProvisioningPorts } from '@/lib/tenants/provisionTestOrg';
import type { Tenant } from '@/lib/domain';
import type { ClerkOrg } from '@/lib/clerk';

/** In-memory stand-ins for the provisioning ports, with the same uniqueness rules. */
export function fakePorts() {
  const tenants = new Map<string, Tenant>();
  const clerkOrgs = new Map<string, ClerkOrg>();
  const metadata = new Map<string, Record<string, unknown>>();
  const calls: string[] = [];
  let counter = 0;
  let nextOrgId = 1;
  const faults: { failCreateOnce?: Error; failAfterCreate?: boolean; crashBeforeAttach?: boolean } = {};
  /** Users Clerk does not have: creating an org for them fails as lib/tenants' ports report it. */
  const unknownUsers = new Set<string>();
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

  const ports: ProvisioningPorts = {
    nextTestOrgNumber: async () => {
      await tick();
      return ++counter;
    },
    tenants: {
      findTestOrgByOwner: async (userId) => {
        await tick();
        return [...tenants.values()].find((t) => t.isTestOrg && t.ownerUserId === userId) ?? null;
      },
      reserveTestOrg: async ({ shortName, ownerUserId }) => {
        await tick();
        if ([...tenants.values()].some((t) => t.isTestOrg && t.ownerUserId === ownerUserId)) throw new OwnerTakenError();
        if (tenants.has(shortName)) throw new ShortNameTakenError();
        const tenant: Tenant = {
          shortName,
          name: shortName,
          clerkOrgId: null,
          logoUrl: null,
          isTestOrg: true,
          ownerUserId,
          status: 'provisioning',
          clerkUpdatedAt: null,
        };
        tenants.set(shortName, tenant);
        return { ...tenant };
      },
      attachClerkOrg: async (shortName, clerkOrgId) => {
        await tick();
        if (faults.crashBeforeAttach) {
          delete faults.crashBeforeAttach;
          throw new Error('process crashed after the Clerk create');
        }
        tenants.get(shortName)!.clerkOrgId = clerkOrgId;
      },
      renameReservation: async (shortName, newShortName) => {
        await tick();
        const tenant = tenants.get(shortName);
        if (!tenant || tenant.status !== 'provisioning' || tenant.clerkOrgId) return false;
        if (tenants.has(newShortName)) throw new ShortNameTakenError();
        tenants.delete(shortName);
        tenants.set(newShortName, { ...tenant, shortName: newShortName, name: newShortName });
        return true;
      },
      dropReservation: async (shortName, ownerUserId) => {
        await tick();
        const tenant = tenants.get(shortName);
        if (!tenant || tenant.ownerUserId !== ownerUserId || tenant.status !== 'provisioning' || tenant.clerkOrgId) return;
        tenants.delete(shortName);
        if (shortName === `test-${String(counter).padStart(4, '0')}`) counter -= 1;
      },
      markActive: async (shortName, { clerkOrgId, clerkUpdatedAt }) => {
        await tick();
        const tenant = tenants.get(shortName)!;
        Object.assign(tenant, { clerkOrgId, status: 'active' }, clerkUpdatedAt ? { clerkUpdatedAt } : {});
        return { ...tenant };
      },
    },
    clerk: {
      createOrganization: async ({ name, slug, createdBy, publicMetadata }) => {
        calls.push('createOrganization');
        await tick();
        if (faults.failCreateOnce) {
          const error = faults.failCreateOnce;
          delete faults.failCreateOnce;
          throw error;
        }
        if (unknownUsers.has(createdBy)) throw new UnknownUserError(`no user ${createdBy}`);
        if ([...clerkOrgs.values()].some((o) => o.slug === slug)) throw new Error('slug taken');
        const org: ClerkOrg = {
          id: `org_${nextOrgId++}`,
          slug,
          name,
          logoUrl: null,
          createdBy,
          publicMetadata,
          updatedAt: new Date(),
        };
        clerkOrgs.set(org.id, org);
        if (faults.failAfterCreate) {
          delete faults.failAfterCreate;
          throw new Error('timed out, but Clerk made the org');
        }
        return org;
      },
      findOrganizationBySlug: async (slug) => {
        calls.push('findOrganizationBySlug');
        await tick();
        return [...clerkOrgs.values()].find((o) => o.slug === slug) ?? null;
      },
      mergeUserPublicMetadata: async (userId, patch) => {
        calls.push('mergeUserPublicMetadata');
        await tick();
        metadata.set(userId, { ...metadata.get(userId), ...patch });
      },
    },
  };
  return { ports, tenants, clerkOrgs, metadata, calls, faults, unknownUsers, counter: () => counter };
}
