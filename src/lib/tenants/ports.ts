import * as clerk from '@/lib/clerk';
import * as db from '@/lib/db';
import { UnknownUserError } from './errors';
import { type ProvisioningPorts, provisionTestOrg } from './provisionTestOrg';
import type { ReconcilePorts } from './reconcile';
import type { CsvExportPorts, CsvImportPorts } from './csv';
import type { OrgSettingsPorts } from './orgSettings';
import type { OrgSyncPorts } from './syncClerkOrg';

// The real I/O behind the domain rules: MongoDB through lib/db, Clerk through lib/clerk.

export const provisioningPorts: ProvisioningPorts = {
  tenants: db,
  nextTestOrgNumber: db.nextTestOrgNumber,
  clerk: {
    ...clerk,
    createOrganization: (params) =>
      clerk.createOrganization(params).catch((error: unknown) => {
        // Clerk's answer when `created_by` names no user.
        if (error instanceof clerk.ClerkRejectedError && error.code === 'organization_creator_not_found') {
          throw new UnknownUserError(`Clerk has no user ${params.createdBy}: no test org`, { cause: error });
        }
        throw error;
      }),
  },
};

export const orgSyncPorts: OrgSyncPorts = { tenants: db, clerk };

export const orgSettingsPorts: OrgSettingsPorts = { tenants: db, clerk };

/** Reconcile's I/O; `provisionMissing: false` leaves users without a test org to the webhook. */
export function reconcilePorts({ provisionMissing }: { provisionMissing: boolean }): ReconcilePorts {
  return {
    tenants: db,
    clerk,
    listing: clerk,
    provision: provisionMissing ? (userId) => provisionTestOrg(userId, provisioningPorts) : undefined,
  };
}

export const csvImportPorts: CsvImportPorts = { tenants: db, clerk };

export const csvExportPorts: CsvExportPorts = { tenants: db, clerk };
