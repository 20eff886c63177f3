import { stringify } from 'csv-stringify/sync';
import type { BulkInvitation, BulkMembership } from '@/lib/clerk';
import { type ExportableOrg, ORG_ROLE } from '@/lib/domain';
import { CSV_COLUMNS, neutralise } from './format';

export type CsvExportPorts = {
  /** Active tenants with a Clerk org, by shortName (archived and provisioning ones are not listed). */
  tenants: { exportableOrgs(): AsyncIterable<ExportableOrg> };
  clerk: { listAllMemberships(): Promise<BulkMembership[]>; listAllPendingInvitations(): Promise<BulkInvitation[]> };
};

/** Tenants read from MongoDB while Clerk is still answering, at most this many held. */
const PREFETCH = 20_000;

/**
 * The header at once (the download starts before Clerk is read), then one
 * row per active org. Admins come from Clerk (MongoDB has none), read in bulk:
 * the instance's memberships and pending invitations, a few pages of 500,
 * whatever the number of orgs. MongoDB is read meanwhile (up to PREFETCH
 * tenants), so the export takes the longer of the two reads, not their sum.
 * Cells a spreadsheet would run as formulas are neutralised.
 */
async function* orgRows({ tenants, clerk }: CsvExportPorts): AsyncGenerator<string[]> {
  yield [...CSV_COLUMNS];
  let clerkDone = false;
  const adminsRead = adminsByOrg(clerk).finally(() => {
    clerkDone = true;
  });
  // Awaited below; until then a failure must not count as unhandled.
  adminsRead.catch(() => undefined);
  const cursor = tenants.exportableOrgs()[Symbol.asyncIterator]();
  const early: ExportableOrg[] = [];
  let exhausted = false;
  try {
    while (!clerkDone && early.length < PREFETCH) {
      const next = await cursor.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      early.push(next.value);
    }
    const admins = await adminsRead;
    for (const org of early) yield rowOf(org, admins);
    early.length = 0;
    while (!exhausted) {
      const next = await cursor.next();
      if (next.done) break;
      yield rowOf(next.value, admins);
    }
  } finally {
    await cursor.return?.();
  }
}

/** Rows sent together: 10,000 one-row chunks cost the stream more than the rows themselves. */
const ROWS_PER_CHUNK = 500;

/**
 * The org CSV as text chunks: the header alone and at once (the download
 * starts before Clerk is read), then the orgs ROWS_PER_CHUNK rows a chunk.
 */
export async function* exportOrgsCsvWith(ports: CsvExportPorts): AsyncGenerator<string> {
  let batch: string[][] = [];
  let header = true;
  for await (const row of orgRows(ports)) {
    batch.push(row);
    if (header || batch.length === ROWS_PER_CHUNK) {
      yield stringify(batch);
      batch = [];
      header = false;
    }
  }
  if (batch.length > 0) yield stringify(batch);
}

function rowOf(org: ExportableOrg, admins: Map<string, Set<string>>): string[] {
  const emails = [...(admins.get(org.clerkOrgId) ?? [])].sort();
  return [org.shortName, org.name, org.logoUrl ?? '', String(org.isTestOrg), emails.join(';')].map(neutralise);
}

/** Admin emails per Clerk org id: admin members and pending admin invitations. */
async function adminsByOrg(clerk: CsvExportPorts['clerk']): Promise<Map<string, Set<string>>> {
  const [memberships, invitations] = await Promise.all([clerk.listAllMemberships(), clerk.listAllPendingInvitations()]);
  const admins = new Map<string, Set<string>>();
  const add = (orgId: string, email: string) => {
    if (!email) return;
    let set = admins.get(orgId);
    if (!set) admins.set(orgId, (set = new Set()));
    set.add(email.toLowerCase());
  };
  for (const m of memberships) if (m.role === ORG_ROLE.admin) add(m.organizationId, m.identifier);
  for (const i of invitations) if (i.role === ORG_ROLE.admin) add(i.organizationId, i.emailAddress);
  return admins;
}
