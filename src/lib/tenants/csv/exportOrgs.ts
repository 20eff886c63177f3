import type { BulkInvitation, BulkMembership } from '@/lib/clerk';
import { ORG_ROLE, type Tenant } from '@/lib/domain';
import { CSV_COLUMNS, neutralise } from './format';

export type CsvExportPorts = {
  tenants: { liveTenants(): AsyncIterable<Tenant> };
  clerk: { listAllMemberships(): Promise<BulkMembership[]>; listAllPendingInvitations(): Promise<BulkInvitation[]> };
};

/**
 * The header at once (the download starts before Clerk is read), then one
 * row per live org. Admins come from Clerk (MongoDB has none), read in bulk:
 * the instance's memberships and pending invitations, a few pages of 500,
 * whatever the number of orgs. Cells a spreadsheet would run as formulas are
 * neutralised.
 */
export async function* exportOrgsCsvWith({ tenants, clerk }: CsvExportPorts): AsyncGenerator<string[]> {
  yield [...CSV_COLUMNS];
  const [memberships, invitations] = await Promise.all([clerk.listAllMemberships(), clerk.listAllPendingInvitations()]);
  const admins = new Map<string, Set<string>>();
  const add = (orgId: string, email: string) => {
    if (!email) return;
    let set = admins.get(orgId);
    if (!set) admins.set(orgId, (set = new Set()));
    set.add(email.toLowerCase());
  };
  for (const m of memberships) if (m.role === ORG_ROLE.admin) add(m.organizationId, m.identifier);
  for (const i of invitations) if (i.role === ORG_ROLE.admin) add(i.organizationId, i.emailAddress);
  for await (const tenant of tenants.liveTenants()) {
    if (!tenant.clerkOrgId || tenant.status !== 'active') continue;
    const emails = [...(admins.get(tenant.clerkOrgId) ?? [])].sort();
    yield [tenant.shortName, tenant.name, tenant.logoUrl ?? '', String(tenant.isTestOrg), emails.join(';')].map(neutralise);
  }
}
