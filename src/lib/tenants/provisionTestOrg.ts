import { OwnerTakenError, ProvisioningConflictError, ShortNameTakenError, UnknownUserError } from '@/lib/domain';
import { TEST_ORG_OWNER_KEY, testOrgShortName } from './testOrgName';
import type { Tenant } from '@/lib/domain';
import type { ClerkOrg } from '@/lib/clerk';

export type ProvisioningPorts = {
  tenants: {
    findTestOrgByOwner(userId: string): Promise<Tenant | null>;
    reserveTestOrg(fields: { shortName: string; ownerUserId: string }): Promise<Tenant>;
    attachClerkOrg(shortName: string, clerkOrgId: string): Promise<void>;
    /** Moves a reservation without a Clerk org to another name; false if none matched. */
    renameReservation(shortName: string, newShortName: string): Promise<boolean>;
    markActive(shortName: string, fields: { clerkOrgId: string; clerkUpdatedAt: Date | null }): Promise<Tenant>;
    /** Removes a reservation that never got a Clerk org, and gives its number back if it was the last one taken. */
    dropReservation(shortName: string, ownerUserId: string): Promise<void>;
  };
  nextTestOrgNumber(): Promise<number>;
  clerk: {
    /** Throws UnknownUserError when Clerk has no user `createdBy`. */
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
    const org = await createOrAdopt(tenant, userId, !reservedNow, ports).catch(async (error: unknown) => {
      // Clerk does not know the user: leave no reservation and no gap in the numbers.
      if (error instanceof UnknownUserError) await tenants.dropReservation(tenant!.shortName, userId);
      throw error;
    });
    if (org.tenant.status !== 'provisioning') return { tenant: org.tenant, created: false };
    tenant = org.tenant;
    clerkOrgId = org.clerkOrg.id;
    clerkUpdatedAt = org.clerkOrg.updatedAt;
    await tenants.attachClerkOrg(tenant.shortName, clerkOrgId);
  }
  // Always before activating: an org adopted from organization.created (or a
  // crash after the create) stays `provisioning` until the user knows its slug.
  await clerk.mergeUserPublicMetadata(userId, { newTenantSlug: tenant.shortName });
  const active = await tenants.markActive(tenant.shortName, { clerkOrgId, clerkUpdatedAt });
  return { tenant: active, created: reservedNow };
}

/**
 * The Clerk org for a reservation: adopted if an earlier attempt made it
 * (only a reservation someone else made can have one, so a fresh one skips
 * the look-up), created otherwise. A slug held by an org that is not this
 * user's (e.g. MongoDB was reset while Clerk kept its orgs) moves the
 * reservation to the next number instead of failing.
 */
async function createOrAdopt(
  reserved: Tenant,
  userId: string,
  lookFirst: boolean,
  ports: ProvisioningPorts,
): Promise<{ tenant: Tenant; clerkOrg: ClerkOrg }> {
  let tenant = reserved;
  for (let tries = 0; tries < MAX_NUMBER_TRIES; tries += 1) {
    const found = lookFirst ? await lookUp(tenant.shortName, userId, ports) : { kind: 'none' as const };
    if (found.kind === 'ours') return { tenant, clerkOrg: found.org };
    if (found.kind === 'none') {
      try {
        const clerkOrg = await ports.clerk.createOrganization({
          name: tenant.shortName,
          slug: tenant.shortName,
          createdBy: userId,
          publicMetadata: { [TEST_ORG_OWNER_KEY]: userId },
        });
        return { tenant, clerkOrg };
      } catch (error) {
        // Created by a concurrent attempt meanwhile, or by Clerk before a timeout?
        const again = await lookUp(tenant.shortName, userId, ports);
        if (again.kind === 'ours') return { tenant, clerkOrg: again.org };
        if (again.kind === 'none') throw error;
      }
    }
    tenant = await moveReservation(tenant, userId, ports);
    if (tenant.status !== 'provisioning' || tenant.clerkOrgId) {
      throw new ProvisioningConflictError(`test org of ${userId} changed while being provisioned; retry`);
    }
    lookFirst = false;
  }
  throw new ProvisioningConflictError(`no free Clerk slug for the test org of ${userId} after ${MAX_NUMBER_TRIES} numbers`);
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

/** Renames the reservation to the next free number; a concurrent attempt may have moved it already. */
async function moveReservation(tenant: Tenant, userId: string, ports: ProvisioningPorts): Promise<Tenant> {
  for (let tries = 0; tries < MAX_NUMBER_TRIES; tries += 1) {
    const next = testOrgShortName(await ports.nextTestOrgNumber());
    try {
      if (await ports.tenants.renameReservation(tenant.shortName, next)) return { ...tenant, shortName: next, name: next };
      const current = await ports.tenants.findTestOrgByOwner(userId);
      if (!current) throw new ProvisioningConflictError(`the test org reservation of ${userId} vanished`);
      return current;
    } catch (error) {
      if (!(error instanceof ShortNameTakenError)) throw error;
    }
  }
  throw new ProvisioningConflictError(`no free test org name after ${MAX_NUMBER_TRIES} numbers`);
}

type LookUp = { kind: 'none' } | { kind: 'ours'; org: ClerkOrg } | { kind: 'taken' };

/** Whether Clerk has an org with this slug, and whether it is this user's test org (by tag or creator). */
async function lookUp(slug: string, userId: string, ports: ProvisioningPorts): Promise<LookUp> {
  const org = await ports.clerk.findOrganizationBySlug(slug);
  if (!org) return { kind: 'none' };
  if (org.publicMetadata[TEST_ORG_OWNER_KEY] === userId || org.createdBy === userId) return { kind: 'ours', org };
  return { kind: 'taken' };
}
