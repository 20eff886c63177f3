import type { Tenant } from '../types';
import { CSV_COLUMNS, neutralise } from './format';

export type CsvExportPorts = {
  tenants: { liveTenants(): AsyncIterable<Tenant> };
  clerk: { listAdminEmails(organizationId: string): Promise<string[]> };
};

/**
 * The header, then one row per live org, admins read from Clerk (MongoDB
 * has none); cells a spreadsheet would run as formulas are neutralised.
 */
export async function* exportOrgRows({ tenants, clerk }: CsvExportPorts): AsyncGenerator<string[]> {
  yield [...CSV_COLUMNS];
  for await (const tenant of tenants.liveTenants()) {
    if (!tenant.clerkOrgId || tenant.status !== 'active') continue;
    const admins = await clerk.listAdminEmails(tenant.clerkOrgId);
    yield [tenant.shortName, tenant.name, tenant.logoUrl ?? '', String(tenant.isTestOrg), admins.join(';')].map(neutralise);
  }
}
