import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Counter, Organization, WebhookEvent } from '@/lib/db';
import { changeOrgSettings, csvImportPorts, entryWorkspace, importOrgsCsv, OrgNameInvalidError, orgSettingsPorts } from '@/lib/tenants';
import { type Tenant } from '@/lib/domain';
import { FakeBrowser } from '../clerk-local/browser';
import { CLERK_NEW_APP_SETTINGS } from '../../../tools/clerk-local';
import { configureAppEnv } from '../../helpers/appEnv';
import { deleteAllOrgs, latestPayload, useClerkLocal } from '../../helpers/clerkLocal';
import { deliver } from '../../helpers/webhooks';
import { useTestDatabase } from '../../setup/db';

// The app against clerk-local configured as Clerk really is (issue 11): a
// phone-only user, Clerk's org-name rules met before Clerk is called, and a
// development instance's rate limit (100 requests / 10 s) that the app's
// Clerk gate keeps under, so not one call is refused with a 429.
const db = useTestDatabase();
// appUrl: invitation links without a redirect_url open the app's sign-up (where Clerk would use its Account Portal).
const clerk = useClerkLocal({ delivery: { paused: true }, appUrl: 'http://localhost:3000' });
const HEADER = 'shortName,name,logoUrl,isTestOrg,admins';
let inviterUserId = '';

beforeAll(async () => {
  configureAppEnv({ mongoUri: db.uri, clerkApiUrl: clerk.server.url, clerkSecretKey: clerk.server.secretKey });
  // The gate paces calls to a development instance's limit (read once, at the first Clerk call).
  process.env.CLERK_RATE_LIMIT_PER_10S = String(CLERK_NEW_APP_SETTINGS.rateLimit && CLERK_NEW_APP_SETTINGS.rateLimit.requests);
  inviterUserId = (await clerk.sdk.users.createUser({ emailAddress: ['rules.platform.admin@example.com'] })).id;
});
beforeEach(async () => {
  clerk.server.settings.update({ rateLimit: false });
  await Promise.all([Organization.deleteMany({}), Counter.deleteMany({}), WebhookEvent.deleteMany({})]);
  await deleteAllOrgs(clerk.sdk);
  clerk.server.requests.clear();
});

const clerkWrites = () => clerk.server.requests.list({ path: '/v1/*' }).filter((r) => r.method !== 'GET').length;
const rateLimited = () => clerk.server.requests.list().filter((r) => r.fault === 'rate-limit').length;

describe("Clerk's rules met by the app", () => {
  it('gives a phone-only user (no email address) a test org', async () => {
    const user = await clerk.sdk.users.createUser({ phoneNumber: ['+41790000042'] });
    const response = await deliver(latestPayload(clerk.server, 'user.created', user.id));
    expect(response).toMatchObject({ status: 200, json: { status: 'processed' } });
    expect(await Organization.findOne({ ownerUserId: user.id }).lean()).toMatchObject({ isTestOrg: true, status: 'active' });
    expect((await clerk.sdk.users.getUser(user.id)).phoneNumbers.map((p) => p.phoneNumber)).toEqual(['+41790000042']);
  });

  it('refuses a CSV row whose name holds a URL, line-numbered, before any Clerk call', async () => {
    const before = clerkWrites();
    const report = await importOrgsCsv([HEADER, 'url-co,Visit https://url.example,,false,'].join('\n'), { applyValidRows: false, inviterUserId }, csvImportPorts);
    expect(report.applied).toBe(false);
    expect(report.errors).toEqual([{ line: 2, code: 'nameUrlOrHtml', params: {} }]);
    expect(clerkWrites()).toBe(before);
  });

  it('refuses a rename to a name with HTML before any Clerk call', async () => {
    const org = await clerk.sdk.organizations.createOrganization({ name: 'Plain Co', slug: 'plain-co' });
    const tenant: Tenant = { shortName: 'plain-co', name: 'Plain Co', clerkOrgId: org.id, logoUrl: null, isTestOrg: false, ownerUserId: null, status: 'active', clerkUpdatedAt: null };
    const before = clerk.server.requests.list().length;
    await expect(changeOrgSettings(tenant, { kind: 'rename', name: '<script>x</script>' }, orgSettingsPorts)).rejects.toThrow(OrgNameInvalidError);
    expect(clerk.server.requests.list().length).toBe(before);
  });
});

describe('an admin row imported by CSV', () => {
  it('invites the unknown admin, who signs up from the link into that org as org:admin, and / takes them there', async () => {
    const address = 'csv.invitee@example.com';
    const report = await importOrgsCsv([HEADER, `csv-join,CSV Join,,false,${address}`].join('\n'), { applyValidRows: false, inviterUserId }, csvImportPorts);
    expect(report).toMatchObject({ applied: true, created: 1, invitationsSent: 1 });
    const mail = (await (await fetch(`${clerk.server.url}/__local/emails?to=${address}`)).json()) as { data: { kind: string; url: string }[] };
    const link = new URL(mail.data.find((m) => m.kind === 'organization_invitation')!.url);
    expect(link.pathname).toBe('/sign-up');

    const browser = new FakeBrowser(clerk.server);
    await browser.createDevBrowser();
    const ticket = link.searchParams.get('__clerk_ticket')!;
    const started = await browser.call<{ response: { id: string } }>('POST', '/client/sign_ups', { strategy: 'ticket', ticket });
    const done = await browser.call<{ response: { status: string; created_user_id: string }; client: { sessions: { last_active_organization_id: string }[] } }>(
      'PATCH',
      `/client/sign_ups/${started.body.response.id}`,
      { password: 'csv-invitee-password', strategy: 'ticket', ticket },
    );
    expect(done.body.response.status).toBe('complete');
    const org = await clerk.sdk.organizations.getOrganization({ slug: 'csv-join' });
    const { data: members } = await clerk.sdk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(members.find((m) => m.publicUserData?.userId === done.body.response.created_user_id)?.role).toBe('org:admin');
    // The session's active org is the inviting one, and the app's `/` takes the invitee there, not to a test org.
    const activeOrgId = done.body.client.sessions[0]!.last_active_organization_id;
    expect(activeOrgId).toBe(org.id);
    expect(await entryWorkspace(done.body.response.created_user_id, activeOrgId)).toEqual({ status: 'ready', shortName: 'csv-join', clerkOrgId: org.id });
  });
});

describe("with a development instance's rate limit on (100 requests / 10 s)", () => {
  it('a burst of user.created with duplicate deliveries ends in exactly one test org per user and no 429', async () => {
    const users = await Promise.all(Array.from({ length: 60 }, (_, i) => clerk.sdk.users.createUser({ emailAddress: [`burst-rl-${i}@example.com`] })));
    const events = users.map((u) => latestPayload(clerk.server, 'user.created', u.id));
    clerk.server.requests.clear();
    clerk.server.settings.update({ rateLimit: CLERK_NEW_APP_SETTINGS.rateLimit });
    // Every user once, a fifth of them twice (same svix-id), 10 at a time; non-2xx redelivered as Svix would.
    const deliveries = [...events.map((e, i) => ({ e, id: `msg_rl_${i}` })), ...events.slice(0, 12).map((e, i) => ({ e, id: `msg_rl_${i}` }))];
    const pending = [...deliveries];
    const workers = Array.from({ length: 10 }, async () => {
      for (let next = pending.shift(); next; next = pending.shift()) {
        const answer = await deliver(next.e, { svixId: next.id });
        if (answer.status >= 300) pending.push(next);
      }
    });
    await Promise.all(workers);
    expect(await Organization.countDocuments({ isTestOrg: true, status: 'active' })).toBe(60);
    expect(new Set((await Organization.find({ isTestOrg: true }).lean()).map((o) => o.ownerUserId)).size).toBe(60);
    expect(rateLimited()).toBe(0);
  }, 120_000);

  it('a CSV import of new orgs with an unknown admin each ends with every org and invitation, and no 429', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `rl-org-${i},Rate Co ${i},,false,rl-admin-${i}@example.com`);
    clerk.server.settings.update({ rateLimit: CLERK_NEW_APP_SETTINGS.rateLimit });
    const report = await importOrgsCsv([HEADER, ...rows].join('\n'), { applyValidRows: false, inviterUserId }, csvImportPorts);
    expect(report).toMatchObject({ applied: true, created: 60, invitationsSent: 60, errors: [] });
    expect(await Organization.countDocuments({ shortName: /^rl-org-/ })).toBe(60);
    expect(rateLimited()).toBe(0);
  }, 120_000);
});
