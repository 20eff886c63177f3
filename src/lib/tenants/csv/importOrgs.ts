import pLimit from 'p-limit';
import { adoptionOf } from '../syncClerkOrg';
import type { AdoptedOrg, ClerkOrg, Tenant } from '../types';
import type { OrgCsvRow } from './format';
import { CsvFormatError, readCsv } from './read';
import { validateRecord } from './validate';

export type CsvImportPorts = {
  tenants: {
    findTenantByShortName(shortName: string): Promise<Tenant | null>;
    adoptOrg(fields: AdoptedOrg): Promise<Tenant | null>;
    applyClerkSync(clerkOrgId: string, changes: { name?: string; clerkUpdatedAt: Date }): Promise<boolean>;
  };
  clerk: {
    findOrganizationBySlug(slug: string): Promise<ClerkOrg | null>;
    createOrganization(params: { name: string; slug: string }): Promise<ClerkOrg>;
    updateOrganization(id: string, params: { name: string }): Promise<ClerkOrg>;
    findUserIdByEmail(email: string): Promise<string | null>;
    getMembershipRole(organizationId: string, userId: string): Promise<string | null>;
    addMember(organizationId: string, userId: string, role: string): Promise<void>;
    setMemberRole(organizationId: string, userId: string, role: string): Promise<void>;
    hasPendingInvitation(organizationId: string, email: string): Promise<boolean>;
    inviteMember(organizationId: string, email: string, role: string, inviterUserId: string): Promise<void>;
  };
};

export type CsvProblem = { line: number; message: string };

export type ImportReport = {
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  adminsAdded: number;
  invitationsSent: number;
  errors: CsvProblem[];
  warnings: CsvProblem[];
};

const ROWS_AT_ONCE = 5;
const ADMIN = 'org:admin';

/**
 * Platform admins' CSV import (DESIGN.md §3): every row is validated first
 * (errors by line; nothing is applied if any row is bad, unless
 * `applyValidRows`), then each org is upserted in Clerk and MongoDB and each
 * listed email made an `org:admin` — an existing Clerk user by membership,
 * anyone else by invitation. Admins are never stored in MongoDB. Importing
 * what export produced changes nothing. The file is read twice, row by row;
 * Clerk calls are bounded by lib/clerk's gate.
 */
export async function importOrgsCsv(
  text: string,
  { applyValidRows, inviterUserId }: { applyValidRows: boolean; inviterUserId: string },
  ports: CsvImportPorts,
): Promise<ImportReport> {
  const report: ImportReport = {
    applied: false,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    adminsAdded: 0,
    invitationsSent: 0,
    errors: [],
    warnings: [],
  };
  const badLines = new Set<number>();
  try {
    const seen = new Map<string, number>();
    for await (const { line, record } of readCsv(text)) {
      report.rows += 1;
      const { row, problems, warnings } = validateRecord(record);
      const more = row ? await checkAgainstDatabase(row, seen, line, ports) : { problems: [], warnings: [] };
      for (const message of [...problems, ...more.problems]) report.errors.push({ line, message });
      for (const message of [...warnings, ...more.warnings]) report.warnings.push({ line, message });
      if (problems.length + more.problems.length > 0) badLines.add(line);
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    report.errors.push({ line: error.line, message: error.message });
    return report;
  }
  if (report.errors.length > 0 && !applyValidRows) return report;

  report.applied = true;
  const limit = pLimit(ROWS_AT_ONCE);
  const pending: Promise<void>[] = [];
  for await (const { line, record } of readCsv(text)) {
    if (badLines.has(line)) continue;
    const { row } = validateRecord(record);
    if (!row) continue;
    pending.push(
      limit(() =>
        applyRow(row, inviterUserId, ports, report).catch((error: unknown) => {
          // One org failing (e.g. Clerk refusing it) must not lose the others.
          report.errors.push({ line, message: `not applied: ${error instanceof Error ? error.message : String(error)}` });
        }),
      ),
    );
    // Keep memory flat: never hold more than a window of rows in flight.
    if (pending.length >= ROWS_AT_ONCE * 4) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return report;
}

async function checkAgainstDatabase(
  row: OrgCsvRow,
  seen: Map<string, number>,
  line: number,
  { tenants }: CsvImportPorts,
): Promise<{ problems: string[]; warnings: string[] }> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const earlier = seen.get(row.shortName);
  if (earlier !== undefined) problems.push(`shortName ${row.shortName} is already on line ${earlier}`);
  else seen.set(row.shortName, line);
  const existing = await tenants.findTenantByShortName(row.shortName);
  if (existing?.status === 'archived') problems.push(`${row.shortName} is archived`);
  if (row.isTestOrg && !existing?.isTestOrg) problems.push('test orgs are made by sign-up, not by import');
  if (!row.isTestOrg && existing?.isTestOrg) problems.push(`${row.shortName} is a test org: isTestOrg must be true`);
  if (row.isTestOrg && existing?.isTestOrg && (row.name !== existing.shortName || row.logoUrl)) {
    problems.push("a test org's name and logo are fixed");
  }
  if (!row.isTestOrg && row.logoUrl && row.logoUrl !== existing?.logoUrl) {
    warnings.push('logoUrl ignored: logos are uploaded in the org settings');
  }
  return { problems, warnings };
}

async function applyRow(row: OrgCsvRow, inviterUserId: string, ports: CsvImportPorts, report: ImportReport): Promise<void> {
  const { tenants, clerk } = ports;
  const existing = await tenants.findTenantByShortName(row.shortName);
  let clerkOrgId = existing?.clerkOrgId ?? null;
  if (existing && clerkOrgId) {
    if (!existing.isTestOrg && existing.name !== row.name) {
      const org = await clerk.updateOrganization(clerkOrgId, { name: row.name });
      await tenants.applyClerkSync(clerkOrgId, { name: org.name, clerkUpdatedAt: org.updatedAt });
      report.updated += 1;
    } else {
      report.unchanged += 1;
    }
  } else {
    // An org Clerk already has under this slug (e.g. a crashed earlier import) is adopted, not duplicated.
    let org = (await clerk.findOrganizationBySlug(row.shortName)) ?? (await clerk.createOrganization({ name: row.name, slug: row.shortName }));
    if (org.name !== row.name) org = await clerk.updateOrganization(org.id, { name: row.name });
    await tenants.adoptOrg(adoptionOf(org));
    clerkOrgId = org.id;
    report.created += 1;
  }
  for (const email of row.admins) await ensureAdmin(clerkOrgId, email, inviterUserId, ports, report);
}

async function ensureAdmin(orgId: string, email: string, inviterUserId: string, { clerk }: CsvImportPorts, report: ImportReport) {
  const userId = await clerk.findUserIdByEmail(email);
  if (userId) {
    const role = await clerk.getMembershipRole(orgId, userId);
    if (role === ADMIN) return;
    if (role) await clerk.setMemberRole(orgId, userId, ADMIN);
    else await clerk.addMember(orgId, userId, ADMIN);
    report.adminsAdded += 1;
  } else if (!(await clerk.hasPendingInvitation(orgId, email))) {
    await clerk.inviteMember(orgId, email, ADMIN, inviterUserId);
    report.invitationsSent += 1;
  }
}
