export { RESERVED_SHORT_NAMES, SHORT_NAME_PATTERN, isValidShortName } from './shortName';
export { OwnerTakenError, ProvisioningConflictError, ShortNameTakenError, UnknownUserError } from './errors';
export { type ProvisioningPorts, type ProvisioningResult, provisionTestOrg } from './provisionTestOrg';
export { ensureWorkspace, type WorkspaceState } from './ensureWorkspace';
export { decideOrgUpdate, type ClerkOrgState, type OrgUpdateDecision } from './decideOrgUpdate';
export {
  adoptCreatedOrg,
  applyOrgUpdate,
  archiveDeletedOrg,
  retireTestOrgOf,
  type ClerkOrgEvent,
  type OrgSyncPorts,
  type Outcome,
} from './syncClerkOrg';
export { csvExportPorts, csvImportPorts, orgSettingsPorts, orgSyncPorts, provisioningPorts, reconcilePorts } from './ports';
export * from './csv';
export { FINDING_KINDS, reconcile, type Finding, type ReconcileReport } from './reconcile';
export { changeOrgSettings, OrgNameInvalidError, TestOrgLockedError, type SettingsChange } from './orgSettings';
export { testOrgShortName, TEST_ORG_OWNER_KEY } from './testOrgName';
export type { Tenant, TenantStatus } from './types';
export { entryWorkspaceOf, workspaceOf } from './workspace';
export { formatReport, runReconcile } from './runReconcile';
export { orgsCsvStream } from './csv/exportCsv';
export { ORG_NAME_MAX_LENGTH, orgNameProblem, type OrgNameProblem } from './orgName';
export { applyImport, cancelImport, currentImport, getImport, importProblemsCsv, MAX_IMPORT_BYTES, receiveImportUpload, type DescribeProblem, type ImportView, type UploadOutcome } from './csv/imports';
export { backgroundJobs, enqueueImport, scheduledReconcile, stopBackgroundJobs, importJobStore, IMPORT_JOB } from './backgroundJobs';
export { runImportJob, IMPORT_LEASE_MS, type ImportJobStore } from './csv/importJob';
