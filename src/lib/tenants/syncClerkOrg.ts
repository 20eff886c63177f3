import { type ClerkOrgState, decideOrgUpdate } from './decideOrgUpdate';
import { TEST_ORG_OWNER_KEY } from './testOrgName';
import { isValidShortName, type ClerkSyncChanges } from '@/lib/domain';
import type { AdoptedOrg, Tenant } from '@/lib/domain';

export type Outcome = 'processed' | 'ignored';

/** A Clerk org as organization.created / .updated report it. */
export type ClerkOrgEvent = ClerkOrgState & {
  id: string;
  createdBy: string | null;
  publicMetadata: Record<string, unknown>;
};

export type OrgSyncPorts = {
  tenants: {
    findTenantByClerkOrgId(clerkOrgId: string): Promise<Tenant | null>;
    findTestOrgByOwner(userId: string): Promise<Tenant | null>;
    attachClerkOrg(shortName: string, clerkOrgId: string): Promise<void>;
    applyClerkSync(
      clerkOrgId: string,
      changes: ClerkSyncChanges,
    ): Promise<boolean>;
    adoptOrg(fields: AdoptedOrg): Promise<Tenant | null>;
    archiveTenant(filter: { clerkOrgId: string } | { shortName: string }): Promise<Tenant | null>;
  };
  clerk: {
    updateOrganization(id: string, params: { name?: string; slug?: string }): Promise<unknown>;
    deleteOrganizationLogo(id: string): Promise<unknown>;
    deleteOrganization(id: string): Promise<void>;
  };
};

/** organization.updated (DESIGN.md §3): decide, send the corrections to Clerk, then record. */
export async function applyOrgUpdate(event: ClerkOrgEvent, { tenants, clerk }: OrgSyncPorts): Promise<Outcome> {
  const tenant = await tenants.findTenantByClerkOrgId(event.id);
  if (!tenant) return 'ignored';
  const decision = decideOrgUpdate(event, tenant);
  if (decision.kind === 'ignore') return 'ignored';
  const { slug, name, deleteLogo } = decision.clerk;
  if (slug !== undefined || name !== undefined) await clerk.updateOrganization(event.id, { slug, name });
  if (deleteLogo) await clerk.deleteOrganizationLogo(event.id);
  // False when a newer event was applied meanwhile: that one wins.
  await tenants.applyClerkSync(event.id, decision.db);
  return 'processed';
}

/**
 * organization.created: a Clerk org MongoDB does not know is adopted under
 * its slug if the slug is a valid, free shortName. Our own test orgs (tagged
 * at creation) are linked to their reservation instead.
 */
export async function adoptCreatedOrg(event: ClerkOrgEvent, { tenants }: OrgSyncPorts): Promise<Outcome> {
  if (await tenants.findTenantByClerkOrgId(event.id)) return 'ignored';
  const owner = event.publicMetadata[TEST_ORG_OWNER_KEY];
  if (typeof owner === 'string') {
    const reserved = await tenants.findTestOrgByOwner(owner);
    if (reserved) {
      if (reserved.shortName !== event.slug || reserved.clerkOrgId) return 'ignored';
      await tenants.attachClerkOrg(reserved.shortName, event.id);
      return 'processed';
    }
  }
  if (!isValidShortName(event.slug)) return 'ignored';
  return (await tenants.adoptOrg(adoptionOf(event))) ? 'processed' : 'ignored';
}

/**
 * The document for an unknown Clerk org under its slug; tagged test orgs keep
 * their owner and stay `provisioning`: provisioning (the user.created retry,
 * the first visit, reconcile) finishes them by writing the owner's
 * newTenantSlug, which an adoption must never skip.
 */
export function adoptionOf(org: ClerkOrgState & { id: string; publicMetadata: Record<string, unknown> }): AdoptedOrg {
  const owner = org.publicMetadata[TEST_ORG_OWNER_KEY];
  return {
    clerkOrgId: org.id,
    shortName: org.slug,
    name: org.name,
    logoUrl: org.logoUrl,
    isTestOrg: typeof owner === 'string',
    ownerUserId: typeof owner === 'string' ? owner : null,
    clerkUpdatedAt: org.updatedAt,
    status: typeof owner === 'string' ? 'provisioning' : 'active',
  };
}

/** organization.deleted archives; the tenant's data stays (DESIGN.md §3). */
export async function archiveDeletedOrg(clerkOrgId: string, { tenants }: OrgSyncPorts): Promise<Outcome> {
  return (await tenants.archiveTenant({ clerkOrgId })) ? 'processed' : 'ignored';
}

/** user.deleted archives the user's test org, then deletes it in Clerk (archive first, so a retry converges). */
export async function retireTestOrgOf(userId: string, { tenants, clerk }: OrgSyncPorts): Promise<Outcome> {
  const tenant = await tenants.findTestOrgByOwner(userId);
  if (!tenant) return 'ignored';
  await tenants.archiveTenant({ shortName: tenant.shortName });
  if (tenant.clerkOrgId) await clerk.deleteOrganization(tenant.clerkOrgId);
  return 'processed';
}
