import { type ProvisioningPorts, provisionTestOrg } from './provisionTestOrg';

export type WorkspaceState =
  | { status: 'ready'; shortName: string; clerkOrgId: string }
  | { status: 'preparing' }
  | { status: 'unavailable' };

/**
 * The first visit (DESIGN.md §3 Onboarding): the user's test org if it is
 * active; otherwise, unless turned off, provision it right here — the
 * webhook may be late or may never reach a laptop. Safe to race the webhook:
 * provisionTestOrg is idempotent.
 */
export async function ensureWorkspaceWith(
  userId: string,
  { provisionOnVisit }: { provisionOnVisit: boolean },
  ports: ProvisioningPorts,
): Promise<WorkspaceState> {
  const tenant = await ports.tenants.findTestOrgByOwner(userId);
  if (tenant?.status === 'active' && tenant.clerkOrgId) return { status: 'ready', shortName: tenant.shortName, clerkOrgId: tenant.clerkOrgId };
  if (tenant?.status === 'archived') return { status: 'unavailable' };
  if (!provisionOnVisit) return { status: 'preparing' };
  const { tenant: provisioned } = await provisionTestOrg(userId, ports);
  return provisioned.status === 'active' && provisioned.clerkOrgId
    ? { status: 'ready', shortName: provisioned.shortName, clerkOrgId: provisioned.clerkOrgId }
    : { status: 'preparing' };
}
