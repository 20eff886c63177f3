import { OwnerTakenError, ProvisioningConflictError, ShortNameTakenError } from './errors';
import { TEST_ORG_OWNER_KEY, testOrgShortName } from './testOrgName';
import type { ClerkOrg, Tenant } from './types';

export type ProvisioningPorts = {
  tenants: {
    findTestOrgByOwner(userId: string): Promise<Tenant | null>;
    reserveTestOrg(fields: { shortName: string; ownerUserId: string }): Promise<Tenant>;
    attachClerkOrg(shortName: string, clerkOrgId: string): Promise<void>;
    markActive(shortName: string, fields: { clerkOrgId: string; clerkUpdatedAt: Date | null }): Promise<Tenant>;
  };
  nextTestOrgNumber(): Promise<number>;
  clerk: {
    createOrganization(params: {
      name: string;
      slug: string;
      createdBy: string;
      publicMetadata: Record<string, unknown>;
    }): Promise<ClerkOrg>;
    findOrganizationBySlug(slug: string): Promise<ClerkOrg | null>;
    mergeUserPublicMetadata(userId: string, publicMetadata: Record<string, unknown>): Promise<void>;
  };
};

export type ProvisioningResult = { tenant: Tenant; created: boolean };

const MAX_NUMBER_TRIES = 20;

/**
 * Gives a user their one test org (DESIGN.md §3, rules 1–4). Idempotent and
 * safe to run concurrently, from the webhook and the first visit alike:
 * reserve in MongoDB, create (or adopt) in Clerk, tell the user, activate.
 * A crash between any two steps converges on the next call. A new user costs
 * two Clerk calls: create the org, merge the metadata.
 */
export async function provisionTestOrg(userId: string, ports: ProvisioningPorts): Promise<ProvisioningResult> {
  const { tenants, clerk } = ports;
  let reservedNow = false;
  let tenant = await tenants.findTestOrgByOwner(userId);
  if (!tenant) {
    ({ tenant, reservedNow } = await reserve(userId, ports));
  }
  if (tenant.status !== 'provisioning') return { tenant, created: false };

  let clerkOrgId = tenant.clerkOrgId;
  let clerkUpdatedAt: Date | null = null;
  if (!clerkOrgId) {
    // Only a reservation someone else made may already have a Clerk org.
    let org = reservedNow ? null : await adoptable(tenant.shortName, userId, ports);
    if (!org) {
      try {
        org = await clerk.createOrganization({
          name: tenant.shortName,
          slug: tenant.shortName,
          createdBy: userId,
          publicMetadata: { [TEST_ORG_OWNER_KEY]: userId },
        });
      } catch (error) {
        // A concurrent attempt may have created it between our look-up and create.
        org = await adoptable(tenant.shortName, userId, ports);
        if (!org) throw error;
      }
    }
    clerkOrgId = org.id;
    clerkUpdatedAt = org.updatedAt;
    await tenants.attachClerkOrg(tenant.shortName, clerkOrgId);
  }
  await clerk.mergeUserPublicMetadata(userId, { newTenantSlug: tenant.shortName });
  const active = await tenants.markActive(tenant.shortName, { clerkOrgId, clerkUpdatedAt });
  return { tenant: active, created: reservedNow };
}

async function reserve(userId: string, ports: ProvisioningPorts): Promise<{ tenant: Tenant; reservedNow: boolean }> {
  for (let tries = 0; tries < MAX_NUMBER_TRIES; tries += 1) {
    const shortName = testOrgShortName(await ports.nextTestOrgNumber());
    try {
      return { tenant: await ports.tenants.reserveTestOrg({ shortName, ownerUserId: userId }), reservedNow: true };
    } catch (error) {
      if (error instanceof OwnerTakenError) {
        const existing = await ports.tenants.findTestOrgByOwner(userId);
        if (existing) return { tenant: existing, reservedNow: false };
      }
      // An org imported or adopted under a test-NNNN name: skip that number.
      if (!(error instanceof ShortNameTakenError)) throw error;
    }
  }
  throw new ProvisioningConflictError(`no free test org name after ${MAX_NUMBER_TRIES} numbers`);
}

/** The Clerk org with this slug if it is this user's test org; a stranger's org is a conflict. */
async function adoptable(slug: string, userId: string, ports: ProvisioningPorts): Promise<ClerkOrg | null> {
  const org = await ports.clerk.findOrganizationBySlug(slug);
  if (!org) return null;
  if (org.publicMetadata[TEST_ORG_OWNER_KEY] === userId || org.createdBy === userId) return org;
  throw new ProvisioningConflictError(`Clerk slug ${slug} belongs to ${org.id}, which is not the test org of ${userId}`);
}
