// lib/db: the only module that talks to MongoDB (STYLE.md "External systems").
import * as accessChanges from './accessChanges';
import * as importJobs from './importJobs';
import * as reconcileRuns from './models/ReconcileRun';
import * as counter from './models/Counter';
import * as eventStats from './eventStats';
import { whenReady, whenReadyStream } from './ready';
import * as tenantList from './tenantList';
import * as tenants from './tenants';
import * as webhookEvents from './webhookEvents';

// Every query below waits for whenReady (connected, indexes built), so no
// caller connects by hand (DESIGN.md §4). The models are exported for tests
// and tools that read documents back; they connect with connectDb first.

export { isDbUnavailable, type NativeDb } from './connection';
export { connectDb, disconnectDb, ensureIndexes, nativeDb, pingDb } from './ready';
export { DuplicateKeyError } from './errors';
export { Counter } from './models/Counter';
export const nextSequence = whenReady(counter.nextSequence);
export {
  ORGANIZATION_STATUS,
  Organization,
} from './models/Organization';
export {
  WEBHOOK_EVENT_STATUS,
  WebhookEvent,
  type WebhookEventRecord,
} from './models/WebhookEvent';

export const adoptOrg = whenReady(tenants.adoptOrg);
export const applyClerkSync = whenReady(tenants.applyClerkSync);
export const archiveTenant = whenReady(tenants.archiveTenant);
export const attachClerkOrg = whenReady(tenants.attachClerkOrg);
export const findTenantByClerkOrgId = whenReady(tenants.findTenantByClerkOrgId);
export const findTenantByShortName = whenReady(tenants.findTenantByShortName);
export const dropReservation = whenReady(tenants.dropReservation);
export const findTestOrgByOwner = whenReady(tenants.findTestOrgByOwner);
export const liveTenants = whenReadyStream(tenants.liveTenants);
export const exportableOrgs = whenReadyStream(tenants.exportableOrgs);
export const markActive = whenReady(tenants.markActive);
export const nextTestOrgNumber = whenReady(tenants.nextTestOrgNumber);
export const renameReservation = whenReady(tenants.renameReservation);
export const reserveTestOrg = whenReady(tenants.reserveTestOrg);
export { type EventFilter, DEFAULT_RETENTION, LEASE_MS, type Retention } from './webhookEvents';
export const claimEvent = whenReady(webhookEvents.claimEvent);
export const countEvents = whenReady(webhookEvents.countEvents);
export const failEvent = whenReady(webhookEvents.failEvent);
export const listEvents = whenReady(webhookEvents.listEvents);
export const releaseEvent = whenReady(webhookEvents.releaseEvent);
export const renewLease = whenReady(webhookEvents.renewLease);
export const reopenEvent = whenReady(webhookEvents.reopenEvent);
export const settleEvent = whenReady(webhookEvents.settleEvent);
export const accessChangesOf = whenReady(accessChanges.accessChangesOf);
export const recordAccessChange = whenReady(accessChanges.recordAccessChange);
export { AccessChange } from './models/AccessChange';
export const findTenantsByShortNames = whenReady(tenantList.findTenantsByShortNames);
export const searchTenants = whenReady(tenantList.searchTenants);
export const setTenantArchived = whenReady(tenantList.setTenantArchived);
export const tenantCounts = whenReady(tenantList.tenantCounts);
export { ImportJob, type ImportJobRecord, type ImportStatus } from './models/ImportJob';
export { newImportId, type ImportPhase, type StartApplyResult } from './importJobs';
export const addImportProblems = whenReady(importJobs.addImportProblems);
export const clearImportProblems = whenReady(importJobs.clearImportProblems);
export const createImportJob = whenReady(importJobs.createImportJob);
export const currentImportJob = whenReady(importJobs.currentImportJob);
export const deleteImportChunks = whenReady(importJobs.deleteImportChunks);
export const findImportJob = whenReady(importJobs.findImportJob);
export const leaseImportJob = whenReady(importJobs.leaseImportJob);
export const orphanedImportJobIds = whenReady(importJobs.orphanedImportJobIds);
export const releaseImportJob = whenReady(importJobs.releaseImportJob);
export const requestImportCancel = whenReady(importJobs.requestImportCancel);
export const saveImportChunk = whenReady(importJobs.saveImportChunk);
export const settleImportJob = whenReady(importJobs.settleImportJob);
export const startImportApply = whenReady(importJobs.startImportApply);
export const importProblems = whenReadyStream(importJobs.importProblems);
export const readImportChunks = whenReadyStream(importJobs.readImportChunks);
export const lastReconcileRun = whenReady(reconcileRuns.lastReconcileRun);
export const recordReconcileRun = whenReady(reconcileRuns.recordReconcileRun);
export { type EventHour } from './eventStats';
export const eventsPerHour = whenReady(eventStats.eventsPerHour);
