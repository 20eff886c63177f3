import * as clerk from '@/lib/clerk';
import * as db from '@/lib/db';
import { OwnerTakenError, ShortNameTakenError, UnknownUserError } from '@/lib/domain';
import { type ProvisioningPorts, provisionTestOrg } from './provisionTestOrg';
import type { ReconcilePorts } from './reconcile';
import type { CsvExportPorts, CsvImportPorts } from './csv';
import type { OrgSettingsPorts } from './orgSettings';
import type { OrgSyncPorts } from './syncClerkOrg';

// The real I/O behind the domain rules: MongoDB through lib/db, Clerk through
// lib/clerk. Each port names the functions it passes on, so knip sees which of
// lib/db's and lib/clerk's exports are in use.

/** lib/db's duplicate-key refusal in the domain's words: which rule the write broke. */
function asDomainError(error: unknown, what: string): unknown {
  if (!(error instanceof db.DuplicateKeyError)) return error;
  if (error.key === 'ownerUserId') return new OwnerTakenError(`${what}: the user already has a test org`, { cause: error });
  if (error.key === 'shortName') return new ShortNameTakenError(`${what}: the shortName is taken`, { cause: error });
  return error;
}

export const provisioningPorts: ProvisioningPorts = {
  tenants: {
    findTestOrgByOwner: db.findTestOrgByOwner,
    attachClerkOrg: db.attachClerkOrg,
    markActive: db.markActive,
    dropReservation: db.dropReservation,
    reserveTestOrg: (fields) =>
      db.reserveTestOrg(fields).catch((error: unknown) => {
        throw asDomainError(error, `reserving ${fields.shortName} for ${fields.ownerUserId}`);
      }),
    renameReservation: (shortName, newShortName) =>
      db.renameReservation(shortName, newShortName).catch((error: unknown) => {
        throw asDomainError(error, `renaming ${shortName} to ${newShortName}`);
      }),
  },
  nextTestOrgNumber: db.nextTestOrgNumber,
  clerk: {
    findOrganizationBySlug: clerk.findOrganizationBySlug,
    mergeUserPublicMetadata: clerk.mergeUserPublicMetadata,
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

export const orgSyncPorts: OrgSyncPorts = {
  tenants: {
    findTenantByClerkOrgId: db.findTenantByClerkOrgId,
    findTestOrgByOwner: db.findTestOrgByOwner,
    attachClerkOrg: db.attachClerkOrg,
    applyClerkSync: db.applyClerkSync,
    adoptOrg: db.adoptOrg,
    archiveTenant: db.archiveTenant,
  },
  clerk: {
    updateOrganization: clerk.updateOrganization,
    deleteOrganizationLogo: clerk.deleteOrganizationLogo,
    deleteOrganization: clerk.deleteOrganization,
  },
};

export const orgSettingsPorts: OrgSettingsPorts = {
  tenants: { applyClerkSync: db.applyClerkSync },
  clerk: {
    updateOrganization: clerk.updateOrganization,
    updateOrganizationLogo: clerk.updateOrganizationLogo,
    deleteOrganizationLogo: clerk.deleteOrganizationLogo,
  },
};

/** Reconcile's I/O; `provisionMissing: false` leaves users without a test org to the webhook. */
export function reconcilePorts({ provisionMissing }: { provisionMissing: boolean }): ReconcilePorts {
  return {
    tenants: { ...orgSyncPorts.tenants, findTenantByShortName: db.findTenantByShortName, liveTenants: db.liveTenants },
    clerk: { ...orgSyncPorts.clerk, mergeUserPublicMetadata: clerk.mergeUserPublicMetadata },
    listing: { allOrganizations: clerk.allOrganizations, allUsers: clerk.allUsers },
    provision: provisionMissing ? (userId) => provisionTestOrg(userId, provisioningPorts) : undefined,
  };
}

export const csvImportPorts: CsvImportPorts = {
  tenants: { findTenantsByShortNames: db.findTenantsByShortNames, adoptOrg: db.adoptOrg, applyClerkSync: db.applyClerkSync },
  clerk: {
    listAllOrganizations: clerk.listAllOrganizations,
    listAllMemberships: clerk.listAllMemberships,
    listAllPendingInvitations: clerk.listAllPendingInvitations,
    findUserIdsByEmails: clerk.findUserIdsByEmails,
    findOrganizationBySlug: clerk.findOrganizationBySlug,
    createOrganization: clerk.createOrganization,
    updateOrganization: clerk.updateOrganization,
    addMember: clerk.addMember,
    setMemberRole: clerk.setMemberRole,
    inviteMember: clerk.inviteMember,
  },
};

export const csvExportPorts: CsvExportPorts = {
  tenants: { exportableOrgs: db.exportableOrgs },
  clerk: { listAllMemberships: clerk.listAllMemberships, listAllPendingInvitations: clerk.listAllPendingInvitations },
};
