import { dbReady } from '@/lib/db';
import { env } from '@/lib/env';
import { ensureWorkspace, type WorkspaceState } from './ensureWorkspace';
import { provisioningPorts } from './ports';

/**
 * ensureWorkspace with the real database and Clerk. Pages only read
 * (`provision: false`); the POST the waiting page makes may provision, as
 * the deployment's setting allows.
 */
export async function workspaceOf(userId: string, { provision }: { provision: boolean }): Promise<WorkspaceState> {
  await dbReady(env().MONGODB_URI);
  const provisionOnVisit = provision && env().TENANTRY_PROVISION_ON_FIRST_VISIT;
  return ensureWorkspace(userId, { provisionOnVisit }, provisioningPorts);
}
