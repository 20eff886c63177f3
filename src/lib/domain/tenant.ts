type TenantStatus = 'provisioning' | 'active' | 'archived';

/** A tenant as the domain rules see it (the MongoDB document, DESIGN.md §3). */
export type Tenant = {
  shortName: string;
  name: string;
  clerkOrgId: string | null;
  logoUrl: string | null;
  isTestOrg: boolean;
  ownerUserId: string | null;
  status: TenantStatus;
  clerkUpdatedAt: Date | null;
};

/** What a Clerk org's name/logo change writes to its tenant, stamped with Clerk's updated_at (DESIGN.md §3 sync). */
export type ClerkSyncChanges = { name?: string; logoUrl?: string | null; clerkUpdatedAt: Date };

/** A tenant people can use: active, with its Clerk org (what a granted access carries). */
export type ActiveTenant = Tenant & { status: 'active'; clerkOrgId: string };

/** What the org CSV holds of an active tenant (its admins come from Clerk). */
export type ExportableOrg = Pick<ActiveTenant, 'shortName' | 'name' | 'logoUrl' | 'isTestOrg' | 'clerkOrgId'>;

export function isActiveTenant(tenant: Tenant): tenant is ActiveTenant {
  return tenant.status === 'active' && tenant.clerkOrgId !== null;
}

/** What adopting a Clerk org MongoDB did not know writes (organization.created, reconcile). */
export type AdoptedOrg = {
  clerkOrgId: string;
  shortName: string;
  name: string;
  logoUrl: string | null;
  isTestOrg: boolean;
  ownerUserId: string | null;
  clerkUpdatedAt: Date;
  /** `provisioning` for a tagged test org: it becomes active once its owner's newTenantSlug is written. */
  status: 'active' | 'provisioning';
};
