import type { Tenant } from '@/lib/domain';
import { Organization, type OrganizationRecord } from './models/Organization';
import { toTenant } from './tenants';

// The platform admin's org list (issue 12): server-side search, filters and
// paging, and archive / restore. Also the CSV import's batch look-up.

export type TenantListFilter = {
  /** Part of the shortName or the name, any case. */
  search?: string;
  kind?: 'test' | 'customer';
  status?: 'active' | 'archived';
};

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function queryOf({ search, kind, status }: TenantListFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (search) {
    const pattern = { $regex: escapeRegex(search.trim()), $options: 'i' };
    query.$or = [{ shortName: pattern }, { name: pattern }];
  }
  if (kind) query.isTestOrg = kind === 'test';
  if (status === 'archived') query.status = 'archived';
  else if (status === 'active') query.status = { $ne: 'archived' };
  return query;
}

/** One page of tenants by shortName, with the number that match. */
export async function searchTenants(
  filter: TenantListFilter,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ items: Tenant[]; total: number }> {
  const query = queryOf(filter);
  const [docs, total] = await Promise.all([
    Organization.find(query).sort({ shortName: 1 }).skip((page - 1) * pageSize).limit(pageSize).lean<OrganizationRecord[]>(),
    Organization.countDocuments(query),
  ]);
  return { items: docs.map(toTenant), total };
}

/** How many orgs of each kind and status (the list's counts). */
export async function tenantCounts(): Promise<{ all: number; test: number; customer: number; archived: number }> {
  const [all, test, archived] = await Promise.all([
    Organization.countDocuments({}),
    Organization.countDocuments({ isTestOrg: true }),
    Organization.countDocuments({ status: 'archived' }),
  ]);
  return { all, test, customer: all - test, archived };
}

/**
 * Archive closes the tenant to everyone (access refuses a non-active
 * tenant); restore reopens it. MongoDB only: the Clerk org is untouched.
 * Only an org that reached Clerk can be restored.
 */
export async function setTenantArchived(shortName: string, archived: boolean): Promise<Tenant | null> {
  const filter: Record<string, unknown> = archived ? { shortName, status: 'active' } : { shortName, status: 'archived', clerkOrgId: { $type: 'string' } };
  const doc = await Organization.findOneAndUpdate(filter, { $set: { status: archived ? 'archived' : 'active' } }, { returnDocument: 'after' }).lean<OrganizationRecord>();
  return doc ? toTenant(doc) : null;
}

export async function findTenantsByShortNames(shortNames: string[]): Promise<Tenant[]> {
  if (shortNames.length === 0) return [];
  const docs = await Organization.find({ shortName: { $in: shortNames } }).lean<OrganizationRecord[]>();
  return docs.map(toTenant);
}
