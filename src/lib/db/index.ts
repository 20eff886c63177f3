// lib/db: the only module that talks to MongoDB (STYLE.md "External systems").
import { AccessChange } from './models/AccessChange';
import { Counter } from './models/Counter';
import { Organization } from './models/Organization';
import { ImportChunk, ImportJob, ImportProblem } from './models/ImportJob';
import { WebhookEvent } from './models/WebhookEvent';

export { DbConnectionError, connectDb, disconnectDb } from './connection';
export { DuplicateKeyError } from './errors';
export { Counter, nextSequence, type CounterRecord } from './models/Counter';
export {
  ORGANIZATION_STATUS,
  Organization,
  type OrganizationFields,
  type OrganizationRecord,
  type OrganizationStatus,
} from './models/Organization';
export {
  WEBHOOK_EVENT_STATUS,
  WebhookEvent,
  type WebhookEventFields,
  type WebhookEventRecord,
  type WebhookEventStatus,
} from './models/WebhookEvent';

/**
 * Creates every collection and index the models declare (unique and partial
 * unique indexes are what enforce DESIGN.md §3). Call after connectDb().
 */
export async function ensureIndexes(): Promise<void> {
  await Promise.all([
    Organization.init(),
    Counter.init(),
    WebhookEvent.init(),
    AccessChange.init(),
    ImportJob.init(),
    ImportChunk.init(),
    ImportProblem.init(),
  ]);
}

export {
  adoptOrg,
  applyClerkSync,
  archiveTenant,
  attachClerkOrg,
  findTenantByClerkOrgId,
  findTenantByShortName,
  countTenants,
  dropReservation,
  findTestOrgByOwner,
  listTenants,
  liveTenants,
  markActive,
  nextTestOrgNumber,
  renameReservation,
  reserveTestOrg,
} from './tenants';
export {
  type Claim,
  claimEvent,
  countEvents,
  type EventFilter,
  DEFAULT_RETENTION,
  failEvent,
  findEvent,
  LEASE_MS,
  listEvents,
  releaseEvent,
  renewLease,
  reopenEvent,
  type Retention,
  settleEvent,
} from './webhookEvents';
export { dbReady, pingDb } from './ready';
export { type AccessChanges, accessChangesOf, recordAccessChange } from './accessChanges';
export { AccessChange, type AccessChangeRecord } from './models/AccessChange';
export { findTenantsByShortNames, searchTenants, setTenantArchived, tenantCounts, type TenantListFilter } from './tenantList';
export { IMPORT_STATUS, ImportJob, type ImportJobRecord, type ImportStatus } from './models/ImportJob';
export {
  addImportProblems,
  clearImportProblems,
  createImportJob,
  currentImportJob,
  deleteImportChunks,
  findImportJob,
  importProblems,
  leaseImportJob,
  newImportId,
  orphanedImportJobIds,
  readImportChunks,
  releaseImportJob,
  requestImportCancel,
  saveImportChunk,
  settleImportJob,
  startImportApply,
  type ImportPhase,
  type StartApplyResult,
} from './importJobs';
export { nativeDb } from './connection';
export { lastReconcileRun, recordReconcileRun, type ReconcileRunRecord } from './models/ReconcileRun';
