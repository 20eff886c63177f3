import { Readable } from 'node:stream';
import { findTenantByClerkOrgId } from '@/lib/db';
import { env } from '@/lib/env';
import { exportOrgsCsvWith } from './csv';
import { ensureWorkspaceWith, type WorkspaceState } from './ensureWorkspace';
import { csvExportPorts, provisioningPorts, reconcilePorts } from './ports';
import { reconcileWith, type ReconcileReport } from './reconcile';

// The rules wired to the real database, Clerk and configuration: each has the
// plain verb, its rule the same name with `With` and the ports as the last
// argument (README "Layout").

/** reconcileWith against the configured Clerk and MongoDB, honouring the provisioning setting. */
export async function reconcile({ apply }: { apply: boolean }): Promise<ReconcileReport> {
  return reconcileWith({ apply }, reconcilePorts({ provisionMissing: env().TENANTRY_PROVISION_ON_FIRST_VISIT }));
}

/**
 * ensureWorkspaceWith the real database and Clerk. Pages only read
 * (`provision: false`); the POST the waiting page makes may provision, as
 * the deployment's setting allows.
 */
export async function ensureWorkspace(userId: string, { provision }: { provision: boolean }): Promise<WorkspaceState> {
  const provisionOnVisit = provision && env().TENANTRY_PROVISION_ON_FIRST_VISIT;
  return ensureWorkspaceWith(userId, { provisionOnVisit }, provisioningPorts);
}

/**
 * Where `/` takes a signed-in user: the org active in their session when it is
 * a live tenant (an invitee lands in the org that invited them), else their
 * test org as ensureWorkspace finds it.
 */
export async function entryWorkspace(userId: string, activeClerkOrgId: string | null): Promise<WorkspaceState> {
  if (activeClerkOrgId) {
    const tenant = await findTenantByClerkOrgId(activeClerkOrgId);
    if (tenant?.status === 'active') return { status: 'ready', shortName: tenant.shortName, clerkOrgId: activeClerkOrgId };
  }
  return ensureWorkspace(userId, { provision: false });
}

/** The org CSV as a byte stream, sent as it is produced. */
export async function exportOrgsCsv(): Promise<ReadableStream<Uint8Array>> {
  const bytes = Readable.from(exportOrgsCsvWith(csvExportPorts), { objectMode: false });
  return Readable.toWeb(bytes) as ReadableStream<Uint8Array>;
}
