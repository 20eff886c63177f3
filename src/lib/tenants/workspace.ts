import { findTenantByClerkOrgId } from '@/lib/db';
import { env } from '@/lib/env';
import { ensureWorkspace, type WorkspaceState } from './ensureWorkspace';
import { provisioningPorts } from './ports';

/**
 * ensureWorkspace with the real database and Clerk. Pages only read
 * (`provision: false`); the POST the waiting page makes may provision, as
 * the deployment's setting allows.
 */
export async function workspaceOf(userId: string, { provision }: { provision: boolean }): Promise<WorkspaceState> {
  const provisionOnVisit = provision && env().TENANTRY_PROVISION_ON_FIRST_VISIT;
  return ensureWorkspace(userId, { provisionOnVisit }, provisioningPorts);
}

/**
 * Where `/` takes a signed-in user: the org active in their session when it is
 * a live tenant (an invitee lands in the org that invited them), else their
 * test org as workspaceOf finds it.
 */
export async function entryWorkspaceOf(userId: string, activeClerkOrgId: string | null): Promise<WorkspaceState> {
  if (activeClerkOrgId) {
    const tenant = await findTenantByClerkOrgId(activeClerkOrgId);
    if (tenant?.status === 'active') return { status: 'ready', shortName: tenant.shortName, clerkOrgId: activeClerkOrgId };
  }
  return workspaceOf(userId, { provision: false });
}
