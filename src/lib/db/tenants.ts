import mongoose from 'mongoose';
import type { AdoptedOrg, ClerkSyncChanges, ExportableOrg, Tenant } from '@/lib/domain';
import { DuplicateKeyError } from './errors';
import { nextSequence, releaseSequence } from './models/Counter';
import { Organization, type OrganizationRecord } from './models/Organization';

// The tenant repository: every MongoDB read and write of the organizations
// collection that the domain rules need, returning plain Tenant values.

const TEST_ORG_SEQUENCE = 'testOrg';

export function toTenant(doc: OrganizationRecord): Tenant {
  return {
    shortName: doc.shortName,
    name: doc.name,
    clerkOrgId: doc.clerkOrgId ?? null,
    logoUrl: doc.logoUrl ?? null,
    isTestOrg: doc.isTestOrg,
    ownerUserId: doc.ownerUserId ?? null,
    status: doc.status,
    clerkUpdatedAt: doc.clerkUpdatedAt ?? null,
  };
}

function orNull(doc: OrganizationRecord | null): Tenant | null {
  return doc ? toTenant(doc) : null;
}

function isDuplicateKey(error: unknown): error is mongoose.mongo.MongoServerError {
  return error instanceof mongoose.mongo.MongoServerError && error.code === 11000;
}

export function nextTestOrgNumber(): Promise<number> {
  return nextSequence(TEST_ORG_SEQUENCE);
}

export async function findTestOrgByOwner(userId: string): Promise<Tenant | null> {
  return orNull(await Organization.findOne({ isTestOrg: true, ownerUserId: userId }).lean<OrganizationRecord>());
}

export async function findTenantByShortName(shortName: string): Promise<Tenant | null> {
  return orNull(await Organization.findOne({ shortName }).lean<OrganizationRecord>());
}

export async function findTenantByClerkOrgId(clerkOrgId: string): Promise<Tenant | null> {
  return orNull(await Organization.findOne({ clerkOrgId }).lean<OrganizationRecord>());
}

/** Reserves a test org (`status: provisioning`) before anything exists in Clerk (DESIGN.md §3 rule 4). */
export async function reserveTestOrg({ shortName, ownerUserId }: { shortName: string; ownerUserId: string }): Promise<Tenant> {
  try {
    const doc = await Organization.create({
      shortName,
      name: shortName,
      isTestOrg: true,
      ownerUserId,
      status: 'provisioning',
    });
    return toTenant(doc.toObject());
  } catch (error) {
    if (isDuplicateKey(error)) throw new DuplicateKeyError(Object.keys(error.keyPattern ?? {})[0] ?? 'unknown', { cause: error });
    throw error;
  }
}

/** Removes a reservation that never reached Clerk, and gives its number back if no later one was taken. */
export async function dropReservation(shortName: string, ownerUserId: string): Promise<void> {
  const result = await Organization.deleteOne({ shortName, ownerUserId, isTestOrg: true, status: 'provisioning', clerkOrgId: null });
  const number = /^test-(\d+)$/.exec(shortName)?.[1];
  if (result.deletedCount === 1 && number) await releaseSequence(TEST_ORG_SEQUENCE, Number(number));
}

export async function attachClerkOrg(shortName: string, clerkOrgId: string): Promise<void> {
  await Organization.updateOne({ shortName, clerkOrgId: null }, { $set: { clerkOrgId } });
}

export async function markActive(
  shortName: string,
  { clerkOrgId, clerkUpdatedAt }: { clerkOrgId: string; clerkUpdatedAt: Date | null },
): Promise<Tenant> {
  const doc = await Organization.findOneAndUpdate(
    { shortName },
    { $set: { clerkOrgId, status: 'active' }, ...(clerkUpdatedAt ? { $max: { clerkUpdatedAt } } : {}) },
    { returnDocument: 'after' },
  ).lean<OrganizationRecord>();
  if (!doc) throw new Error(`tenant ${shortName} vanished while being activated`);
  return toTenant(doc);
}

/**
 * Applies synced fields and the Clerk `updated_at` they came with, unless a
 * newer event got there first (the stale check, done atomically).
 */
export async function applyClerkSync(
  clerkOrgId: string,
  changes: ClerkSyncChanges,
): Promise<boolean> {
  const result = await Organization.updateOne(
    {
      clerkOrgId,
      status: { $ne: 'archived' },
      $or: [{ clerkUpdatedAt: null }, { clerkUpdatedAt: { $lte: changes.clerkUpdatedAt } }],
    },
    { $set: changes },
  );
  return result.matchedCount === 1;
}

/** Creates the document for a Clerk org MongoDB did not know (organization.created, reconcile). */
export async function adoptOrg(fields: AdoptedOrg): Promise<Tenant | null> {
  try {
    const doc = await Organization.create(fields);
    return toTenant(doc.toObject());
  } catch (error) {
    if (isDuplicateKey(error)) return null; // adopted concurrently, or the shortName belongs to another org
    throw error;
  }
}

/** Archives, never deletes (DESIGN.md §3): the tenant's data stays. */
export async function archiveTenant(filter: { clerkOrgId: string } | { shortName: string }): Promise<Tenant | null> {
  return orNull(
    await Organization.findOneAndUpdate(filter, { $set: { status: 'archived' } }, { returnDocument: 'after' }).lean<OrganizationRecord>(),
  );
}

export async function renameReservation(shortName: string, newShortName: string): Promise<boolean> {
  try {
    const result = await Organization.updateOne(
      { shortName, status: 'provisioning', clerkOrgId: null },
      { $set: { shortName: newShortName, name: newShortName } },
    );
    return result.matchedCount === 1;
  } catch (error) {
    if (isDuplicateKey(error)) throw new DuplicateKeyError('shortName', { cause: error });
    throw error;
  }
}

/** The fields toTenant reads, no more: a 10,000-tenant read need not decode every timestamp, _id and __v. */
const TENANT_FIELDS = { _id: 0, shortName: 1, name: 1, clerkOrgId: 1, logoUrl: 1, isTestOrg: 1, ownerUserId: 1, status: 1, clerkUpdatedAt: 1 } as const;

/**
 * Every tenant that is not archived, by shortName, streamed (reconcile).
 * Read through the driver's cursor, as exportableOrgs is: nothing here needs
 * mongoose's casting or per-document middleware.
 */
export async function* liveTenants(): AsyncGenerator<Tenant> {
  const cursor = Organization.collection.find<OrganizationRecord>({ status: { $ne: 'archived' } }, { projection: TENANT_FIELDS, sort: { shortName: 1 } });
  for await (const doc of cursor) yield toTenant(doc);
}

/**
 * The orgs the CSV export lists (active, with a Clerk org), by shortName,
 * streamed, only the fields it writes. An export is CPU-bound, and decoding
 * 10,000 tenants is a good part of it: through the driver's cursor rather
 * than mongoose's (whose middleware runs once per document) and with 5 fields
 * instead of 8, the read took about half the CPU time.
 */
export async function* exportableOrgs(): AsyncGenerator<ExportableOrg> {
  yield* Organization.collection.find<ExportableOrg>(
    { status: 'active', clerkOrgId: { $ne: null } },
    { projection: { _id: 0, shortName: 1, name: 1, clerkOrgId: 1, logoUrl: 1, isTestOrg: 1 }, sort: { shortName: 1 } },
  );
}
