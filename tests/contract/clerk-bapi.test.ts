// Every Backend API response clerk-local gives to a scripted sequence of real
// @clerk/backend calls is validated against bapi-2026-05-12.yml: the operation
// (path template + method) and the status pick the response schema.
import { createClerkClient } from '@clerk/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClerkLocal, type ClerkLocal } from '../../tools/clerk-local';
import { BAPI_FILE, BapiContract, skipReason, specPresent } from './support/openapi';

const present = specPresent(BAPI_FILE);
if (!present) console.warn(`[contract] skipped: ${skipReason(BAPI_FILE)}`);

/** Swallows the expected ClerkAPIResponseError of an error-path call; the response is in the log. */
async function expectFailure(p: Promise<unknown>): Promise<void> {
  await p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    () => undefined,
  );
}

describe.skipIf(!present)('clerk-local Backend API responses match bapi-2026-05-12.yml', () => {
  let local: ClerkLocal;

  beforeAll(async () => {
    local = await startClerkLocal({ port: 0, recordResponses: true });
    const clerk = createClerkClient({ secretKey: local.secretKey, apiUrl: local.url, telemetry: { disabled: true } });
    const orgs = clerk.organizations;

    // Users
    const admin = await clerk.users.createUser({ emailAddress: ['admin@example.com'], firstName: 'Ada', lastName: 'L', password: 'x' });
    const member = await clerk.users.createUser({ emailAddress: ['member@example.com'], username: 'member' });
    await clerk.users.getUser(admin.id);
    await clerk.users.getUserList({ emailAddress: ['admin@example.com'], userId: [admin.id, member.id] });
    await clerk.users.updateUser(member.id, { firstName: 'Mem' });
    await clerk.users.updateUserMetadata(admin.id, { publicMetadata: { newTenantSlug: 'test-0001' }, privateMetadata: { a: 1 } });
    await clerk.users.replaceUserMetadata(admin.id, { unsafeMetadata: { u: 1 } });
    await expectFailure(clerk.users.createUser({ emailAddress: ['admin@example.com'] }));
    await expectFailure(clerk.users.getUser('user_missing'));

    // Organizations
    const org = await orgs.createOrganization({ name: 'Acme', slug: 'acme', createdBy: admin.id, publicMetadata: { t: 1 } });
    await orgs.createOrganization({ name: 'Beta' });
    await orgs.getOrganization({ organizationId: org.id, includeMembersCount: true });
    await orgs.getOrganization({ slug: 'acme' });
    await orgs.getOrganizationList({ query: 'ac', limit: 5, offset: 0, includeMembersCount: true });
    await orgs.updateOrganization(org.id, { name: 'Acme Inc', maxAllowedMemberships: 10 });
    await orgs.updateOrganizationMetadata(org.id, { privateMetadata: { p: 1 } });
    await orgs.replaceOrganizationMetadata(org.id, { publicMetadata: { t: 2 } });
    await orgs.updateOrganizationLogo(org.id, { file: new File([new Uint8Array([1, 2, 3])], 'l.png', { type: 'image/png' }) });
    await orgs.deleteOrganizationLogo(org.id);
    await expectFailure(orgs.createOrganization({ name: 'Dup', slug: 'acme' }));
    await expectFailure(orgs.updateOrganization(org.id, { slug: 'Not Valid' }));
    await expectFailure(orgs.getOrganization({ organizationId: 'org_missing' }));

    // Memberships
    await orgs.createOrganizationMembership({ organizationId: org.id, userId: member.id, role: 'org:member' });
    await orgs.getOrganizationMembershipList({ organizationId: org.id, userId: [member.id], limit: 10 });
    await orgs.updateOrganizationMembership({ organizationId: org.id, userId: member.id, role: 'org:admin' });
    await orgs.updateOrganizationMembershipMetadata({ organizationId: org.id, userId: member.id, publicMetadata: { m: 1 } });
    await clerk.users.getOrganizationMembershipList({ userId: member.id });
    await orgs.deleteOrganizationMembership({ organizationId: org.id, userId: member.id });
    await expectFailure(orgs.createOrganizationMembership({ organizationId: org.id, userId: admin.id, role: 'org:member' }));
    await expectFailure(orgs.updateOrganizationMembership({ organizationId: org.id, userId: 'user_missing', role: 'org:member' }));

    // Invitations
    const inv = await orgs.createOrganizationInvitation({ organizationId: org.id, emailAddress: 'new@example.com', role: 'org:member', inviterUserId: admin.id });
    await orgs.createOrganizationInvitation({ organizationId: org.id, emailAddress: 'other@example.com', role: 'org:admin', redirectUrl: 'http://localhost:3000/accept' });
    await orgs.getOrganizationInvitationList({ organizationId: org.id, status: ['pending'] });
    // Instance-wide listings (CSV import and export read Clerk in bulk).
    await orgs.getInstanceOrganizationMembershipList({ limit: 500, offset: 0 });
    await fetch(`${local.url}/v1/organization_invitations?status=pending&limit=500&offset=0`, { headers: { authorization: `Bearer ${local.secretKey}` } });
    await orgs.getOrganizationInvitation({ organizationId: org.id, invitationId: inv.id });
    await orgs.revokeOrganizationInvitation({ organizationId: org.id, invitationId: inv.id });
    await expectFailure(orgs.revokeOrganizationInvitation({ organizationId: org.id, invitationId: inv.id }));

    // JWKS, auth and rate limit errors, deletes
    await clerk.jwks.getJwks();
    await expectFailure(createClerkClient({ secretKey: 'sk_test_wrong', apiUrl: local.url, telemetry: { disabled: true } }).users.getUserList());
    local.faults.set({ rateLimit: { requests: 0 } });
    await expectFailure(clerk.users.getUser(admin.id));
    local.faults.reset();
    await orgs.deleteOrganization(org.id);
    await clerk.users.deleteUser(member.id);
  });

  afterAll(async () => {
    await local?.stop();
  });

  it('every emulated Backend API operation exists in the spec', () => {
    const contract = new BapiContract();
    const missing = local.routes().filter((r) => !contract.operation(r.method, r.template.replace(/^\/v1/, '')));
    expect(missing).toEqual([]);
  });

  it('the scripted sequence exercised every emulated operation', () => {
    const seen = new Set(local.requests.list().map((e) => `${e.method} ${e.route}`));
    const unexercised = local.routes().filter((r) => !seen.has(`${r.method} ${r.template}`));
    expect(unexercised).toEqual([]);
  });

  it('the validator is not vacuous: it rejects a wrong type, a missing field and an unknown field', () => {
    const contract = new BapiContract();
    const user = local.requests.list({ method: 'GET', route: '/v1/users/{user_id}', status: 200 })[0]?.response as Record<string, unknown>;
    expect(contract.check('GET', '/users/{user_id}', 200, user)).toEqual([]);
    expect(contract.check('GET', '/users/{user_id}', 200, { ...user, id: 1 })).not.toEqual([]);
    const { created_at: _c, ...withoutCreatedAt } = user;
    expect(contract.check('GET', '/users/{user_id}', 200, withoutCreatedAt)).not.toEqual([]);
    expect(contract.check('GET', '/users/{user_id}', 200, { ...user, surprise: true })).not.toEqual([]);
    expect(contract.check('GET', '/users/{user_id}', 404, { errors: [{ code: 'x' }] })).not.toEqual([]);
  });

  it('every response body matches the schema for its operation and status', () => {
    const contract = new BapiContract();
    const entries = local.requests.list();
    expect(entries.length).toBeGreaterThan(40);
    expect(new Set(entries.map((e) => e.status))).toEqual(new Set([200, 400, 401, 404, 422, 429]));
    const violations = entries
      .filter((e) => e.route)
      .map((e) => ({
        where: `${e.method} ${e.route} → ${e.status}`,
        errors: contract.check(e.method, (e.route ?? '').replace(/^\/v1/, ''), e.status, e.response),
      }))
      .filter((v) => v.errors.length > 0);
    expect(violations).toEqual([]);
  });
});

// Only without the spec (a checkout without ../shared): shows the reason in
// the test report, not only in the console. With the spec the tests above run.
if (!present) {
  describe('clerk-local Backend API contract', () => {
    // Skipped only where ../shared/clerk-openapi is absent (a checkout without the shared specs):
    // the reason is the test's name. Under CI=true specPresent() throws instead, so CI fails, never skips.
    it.skip(`skipped: ${skipReason(BAPI_FILE)}`, () => {});
  });
}
