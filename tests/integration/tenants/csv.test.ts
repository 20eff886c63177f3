import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Organization } from '@/lib/db';
import { csvProblemText } from '@/i18n/csvProblemText';
import { csvImportPorts, exportOrgsCsv, importOrgsCsv } from '@/lib/tenants';
import { configureAppEnv } from '../../helpers/appEnv';
import { deleteAllOrgs, latestPayload, useClerkLocal } from '../../helpers/clerkLocal';
import { deliver } from '../../helpers/webhooks';
import { useTestDatabase } from '../../setup/db';

// Platform admins' CSV (DESIGN.md §3): validated first, upserted in Clerk and
// MongoDB, admins as memberships or invitations (never stored in MongoDB).
const db = useTestDatabase();
const clerk = useClerkLocal({ delivery: { paused: true } });
beforeAll(async () => {
  configureAppEnv({ mongoUri: db.uri, clerkApiUrl: clerk.server.url, clerkSecretKey: clerk.server.secretKey });
  // Invitations name who sent them: the platform admin running the import.
  options.inviterUserId = (await clerk.sdk.users.createUser({ emailAddress: ['platform.admin@example.com'] })).id;
});
beforeEach(async () => {
  await Organization.deleteMany({});
  await deleteAllOrgs(clerk.sdk);
});

const HEADER = 'shortName,name,logoUrl,isTestOrg,admins';
const options = { applyValidRows: false, inviterUserId: '' };
const importCsv = (text: string, opts: Partial<typeof options> = {}) => importOrgsCsv(text, { ...options, ...opts }, csvImportPorts);
const writes = () => clerk.server.requests.list({ path: '/v1/*' }).filter((r) => r.method !== 'GET').length;

/** The bytes the export route sends. */
async function exportCsv(): Promise<string> {
  return new Response(await exportOrgsCsv()).text();
}

describe('CSV import', () => {
  it('reports every bad row by line and applies nothing', async () => {
    const text = [
      HEADER,
      'good-co,Good Co,,false,boss@example.com',
      'Bad Name,Bad,,false,',
      'admin,Reserved,,false,',
      'ok-two,,,maybe,not-an-email',
      'good-co,Duplicate,,false,',
      'test-9999,test-9999,,true,',
    ].join('\n');
    const before = writes();
    const report = await importCsv(text);
    expect(report.applied).toBe(false);
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 5, 5, 5, 6, 7]);
    const english = csvProblemText('en');
    expect(report.errors.map((e) => e.code)).toEqual(['shortNameInvalid', 'shortNameInvalid', 'nameEmpty', 'isTestOrgInvalid', 'adminEmailInvalid', 'shortNameRepeated', 'testOrgByImport']);
    expect(english(report.errors.find((e) => e.line === 6)!)).toMatch(/already on line 2/);
    expect(english(report.errors.find((e) => e.line === 7)!)).toMatch(/made by sign-up/);
    expect(await Organization.countDocuments()).toBe(0);
    expect(writes()).toBe(before);
  });

  it('applies only the valid rows when asked', async () => {
    const report = await importCsv([HEADER, 'good-co,Good Co,,false,', 'Bad Name,Bad,,false,'].join('\n'), { applyValidRows: true });
    expect(report).toMatchObject({ applied: true, created: 1, errors: [{ line: 3 }] });
    expect(await Organization.findOne({ shortName: 'good-co' }).lean()).toMatchObject({ name: 'Good Co', isTestOrg: false, status: 'active' });
  });

  it('refuses a file whose header is not the known columns', async () => {
    const report = await importCsv('shortName,name,admins\nacme,Acme,');
    expect(report.applied).toBe(false);
    expect(report.errors).toEqual([{ line: 1, code: 'columnsMissing', params: { columns: 'logoUrl, isTestOrg' } }]);
    expect(csvProblemText('en')(report.errors[0]!)).toBe('missing column(s): logoUrl, isTestOrg');
    expect(csvProblemText('fr')(report.errors[0]!)).toBe('colonne(s) manquante(s)\u202f: logoUrl, isTestOrg');
  });

  it('creates orgs in Clerk and MongoDB; an existing user becomes org:admin, an unknown email is invited', async () => {
    const existing = await clerk.sdk.users.createUser({ emailAddress: ['Known.Person@example.com'] });
    const report = await importCsv([HEADER, 'acme-csv,Acme CSV,,false,known.person@example.com;new.person@example.com'].join('\n'));
    expect(report).toMatchObject({ applied: true, created: 1, adminsAdded: 1, invitationsSent: 1, errors: [] });
    const org = await clerk.sdk.organizations.getOrganization({ slug: 'acme-csv' });
    expect(org.name).toBe('Acme CSV');
    const { data: members } = await clerk.sdk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(members.map((m) => [m.publicUserData?.userId, m.role])).toEqual([[existing.id, 'org:admin']]);
    const { data: invitations } = await clerk.sdk.organizations.getOrganizationInvitationList({ organizationId: org.id, status: ['pending'] });
    expect(invitations.map((i) => [i.emailAddress, i.role])).toEqual([['new.person@example.com', 'org:admin']]);
    const doc = await Organization.findOne({ shortName: 'acme-csv' }).lean();
    expect(doc).toMatchObject({ clerkOrgId: org.id, name: 'Acme CSV' });
    expect(JSON.stringify(doc)).not.toContain('example.com'); // no admins in MongoDB
  });

  it('renames an existing org to the name in the file', async () => {
    await importCsv([HEADER, 'rename-csv,Before,,false,'].join('\n'));
    const report = await importCsv([HEADER, 'rename-csv,After,,false,'].join('\n'));
    expect(report).toMatchObject({ updated: 1, created: 0 });
    expect((await clerk.sdk.organizations.getOrganization({ slug: 'rename-csv' })).name).toBe('After');
    expect(await Organization.findOne({ shortName: 'rename-csv' }).lean()).toMatchObject({ name: 'After' });
  });
});

describe('CSV export', () => {
  it('reads admins from Clerk, and importing the export changes nothing', async () => {
    const user = await clerk.sdk.users.createUser({ emailAddress: ['roundtrip@example.com'] });
    await deliver(latestPayload(clerk.server, 'user.created', user.id)); // a test org too
    await importCsv([HEADER, 'round-co,"Round, Co",,false,roundtrip@example.com;pending@example.com'].join('\n'));

    const exported = await exportCsv();
    const lines = exported.trim().split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines).toContain('round-co,"Round, Co",,false,pending@example.com;roundtrip@example.com');
    expect(lines.some((l) => /^test-\d{4},test-\d{4},,true,roundtrip@example.com$/.test(l))).toBe(true);

    const before = writes();
    const report = await importCsv(exported);
    expect(report).toMatchObject({ applied: true, created: 0, updated: 0, adminsAdded: 0, invitationsSent: 0, errors: [] });
    expect(report.unchanged).toBe(lines.length - 1);
    expect(writes()).toBe(before);
  });

  it('lists active orgs only, by shortName: archived and provisioning tenants are left out', async () => {
    await importCsv([HEADER, 'zeta-co,Zeta,,false,', 'alpha-co,Alpha,,false,', 'closed-co,Closed,,false,'].join('\n'));
    await Organization.updateOne({ shortName: 'closed-co' }, { $set: { status: 'archived' } });
    await Organization.create({ shortName: 'test-0099', name: 'test-0099', isTestOrg: true, ownerUserId: 'user_reserving', status: 'provisioning' });
    const lines = (await exportCsv()).trim().split('\n');
    expect(lines).toEqual([HEADER, 'alpha-co,Alpha,,false,', 'zeta-co,Zeta,,false,']);
  });

  it('neutralises cells a spreadsheet would run as formulas, and reads them back unchanged', async () => {
    // A formula without a URL: Clerk refuses org names with URLs (orgName.ts).
    await importCsv([HEADER, 'formula-co,"\'=SUM(""A1"";A9)",,false,'].join('\n'));
    expect(await Organization.findOne({ shortName: 'formula-co' }).lean()).toMatchObject({ name: '=SUM("A1";A9)' });
    const exported = await exportCsv();
    expect(exported).toContain(`formula-co,"'=SUM(""A1"";A9)",,false,`);
    const report = await importCsv(exported);
    expect(report).toMatchObject({ unchanged: 1, updated: 0 });
  });
});
