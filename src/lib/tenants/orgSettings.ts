import { type OrgNameProblem, orgNameProblem, type ClerkSyncChanges } from '@/lib/domain';
import type { Tenant } from '@/lib/domain';
import type { ClerkOrg } from '@/lib/clerk';

/** Test orgs keep their canonical name and no logo (DESIGN.md §1, §3). */
export class TestOrgLockedError extends Error {
  override name = 'TestOrgLockedError';
}

/** A new name Clerk would refuse (its name rules, orgName.ts): refused before Clerk is called. */
export class OrgNameInvalidError extends Error {
  override name = 'OrgNameInvalidError';
  constructor(readonly problem: OrgNameProblem) {
    super(`organization name refused: ${problem}`);
  }
}

export type OrgSettingsPorts = {
  clerk: {
    updateOrganization(id: string, params: { name: string }): Promise<ClerkOrg>;
    updateOrganizationLogo(id: string, file: Blob, uploaderUserId: string): Promise<ClerkOrg>;
    deleteOrganizationLogo(id: string): Promise<ClerkOrg>;
  };
  tenants: {
    applyClerkSync(clerkOrgId: string, changes: ClerkSyncChanges): Promise<boolean>;
  };
};

export type SettingsChange = { kind: 'rename'; name: string } | { kind: 'logo'; file: Blob; userId: string } | { kind: 'remove-logo' };

/**
 * An org admin's change: made in Clerk, then written to MongoDB at once with
 * Clerk's `updated_at`, so the organization.updated that follows finds
 * nothing to do. The shortName is never editable here.
 */
export async function changeOrgSettings(tenant: Tenant, change: SettingsChange, { clerk, tenants }: OrgSettingsPorts): Promise<Tenant> {
  if (tenant.isTestOrg) throw new TestOrgLockedError(`${tenant.shortName} is a test org: its name and logo are fixed`);
  if (!tenant.clerkOrgId) throw new Error(`${tenant.shortName} has no Clerk org yet`);
  const nameProblem = change.kind === 'rename' ? orgNameProblem(change.name) : null;
  if (nameProblem) throw new OrgNameInvalidError(nameProblem);
  const org =
    change.kind === 'rename'
      ? await clerk.updateOrganization(tenant.clerkOrgId, { name: change.name.trim() })
      : change.kind === 'logo'
        ? await clerk.updateOrganizationLogo(tenant.clerkOrgId, change.file, change.userId)
        : await clerk.deleteOrganizationLogo(tenant.clerkOrgId);
  await tenants.applyClerkSync(tenant.clerkOrgId, { name: org.name, logoUrl: org.logoUrl, clerkUpdatedAt: org.updatedAt });
  return { ...tenant, name: org.name, logoUrl: org.logoUrl, clerkUpdatedAt: org.updatedAt };
}
