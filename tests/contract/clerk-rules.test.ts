// Clerk's Backend API rules as clerk-local answers them to the real
// @clerk/backend: each refusal with the status and code Clerk documents
// (clerk-docs docs/guides/development/errors/backend-api.mdx), each response
// body valid for its operation and status in bapi-2026-05-12.yml; and session
// tokens carrying Clerk's documented v2 claims (docs/guides/sessions/session-tokens.mdx).
import { createClerkClient, verifyToken } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClerkLocal, type ClerkLocal } from '../../tools/clerk-local';
import { BAPI_FILE, BapiContract, skipReason, specPresent } from './support/openapi';

const present = specPresent(BAPI_FILE);

/** Clerk's documented v2 default claims; `o` only while an org is active, `act` only when impersonating. */
const V2_CLAIMS = ['azp', 'exp', 'fva', 'iat', 'iss', 'jti', 'nbf', 'sid', 'sub', 'v', 'pla', 'fea', 'sts'];
const V2_ORG_CLAIMS = ['id', 'slg', 'rol', 'per', 'fpm'];

async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string | undefined }> {
  try {
    await p;
  } catch (error) {
    if (isClerkAPIResponseError(error)) return { status: error.status, code: error.errors[0]?.code };
    throw error;
  }
  throw new Error('expected Clerk to refuse');
}

describe.skipIf(!present)("clerk-local answers Clerk's Backend API rules as Clerk documents them", () => {
  let local: ClerkLocal;
  let clerk: ReturnType<typeof createClerkClient>;
  let adminId: string;
  let memberId: string;
  let orgId: string;

  beforeAll(async () => {
    local = await startClerkLocal({ port: 0, recordResponses: true });
    clerk = createClerkClient({ secretKey: local.secretKey, apiUrl: local.url, telemetry: { disabled: true } });
    adminId = (await clerk.users.createUser({ emailAddress: ['rules-admin@example.com'] })).id;
    memberId = (await clerk.users.createUser({ emailAddress: ['rules-member@example.com'] })).id;
    orgId = (await clerk.organizations.createOrganization({ name: 'Rules Co', slug: 'rules-co', createdBy: adminId })).id;
    await clerk.organizations.createOrganizationMembership({ organizationId: orgId, userId: memberId, role: 'org:member' });
  });

  afterAll(async () => {
    await local?.stop();
  });

  const cases: [string, () => Promise<unknown>, number, string][] = [
    ['an org name with a URL', () => clerk.organizations.createOrganization({ name: 'Visit https://evil.example' }), 422, 'form_param_value_invalid'],
    ['an org name with HTML', () => clerk.organizations.createOrganization({ name: '<b>Bold</b>' }), 422, 'form_param_value_invalid'],
    ['an org name over 256 characters', () => clerk.organizations.createOrganization({ name: 'a'.repeat(257) }), 422, 'form_param_max_length_exceeded'],
    ['a rename with a URL', () => clerk.organizations.updateOrganization(orgId, { name: 'www.example.com' }), 422, 'form_param_value_invalid'],
    ['org metadata over 8 KB', () => clerk.organizations.updateOrganizationMetadata(orgId, { publicMetadata: { big: 'x'.repeat(9000) } }), 422, 'form_param_exceeds_allowed_size'],
    ['user metadata over 8 KB', () => clerk.users.updateUserMetadata(adminId, { privateMetadata: { big: 'x'.repeat(9000) } }), 422, 'form_param_exceeds_allowed_size'],
    ['a user without any identifier', () => clerk.users.createUser({ firstName: 'Nobody' }), 422, 'form_param_missing'],
    ['a phone number that is not E.164', () => clerk.users.createUser({ phoneNumber: ['0123'] }), 422, 'form_param_format_invalid'],
    ['an unknown createdBy', () => clerk.organizations.createOrganization({ name: 'Orphan', createdBy: 'user_unknown' }), 400, 'organization_creator_not_found'],
    ['removing the last admin', () => clerk.organizations.deleteOrganizationMembership({ organizationId: orgId, userId: adminId }), 400, 'organization_minimum_permissions_needed'],
    ['demoting the last admin', () => clerk.organizations.updateOrganizationMembership({ organizationId: orgId, userId: adminId, role: 'org:member' }), 400, 'organization_minimum_permissions_needed'],
    ['adding a member twice', () => clerk.organizations.createOrganizationMembership({ organizationId: orgId, userId: memberId, role: 'org:member' }), 400, 'already_a_member_in_organization'],
  ];

  for (const [what, call, status, code] of cases) {
    it(`refuses ${what} with ${status} ${code}`, async () => {
      expect(await refusal(call())).toEqual({ status, code });
    });
  }

  it('refuses a repeated pending invitation with 400 organization_invitation_not_unique', async () => {
    await clerk.organizations.createOrganizationInvitation({ organizationId: orgId, emailAddress: 'twice@example.com', role: 'org:member' });
    expect(await refusal(clerk.organizations.createOrganizationInvitation({ organizationId: orgId, emailAddress: 'twice@example.com', role: 'org:admin' }))).toEqual({
      status: 400,
      code: 'organization_invitation_not_unique',
    });
  });

  it('keeps a phone-only user with their phone number, shown in the payload', async () => {
    const user = await clerk.users.createUser({ phoneNumber: ['+41790000001'] });
    expect(user.phoneNumbers.map((p) => p.phoneNumber)).toEqual(['+41790000001']);
    expect(user.primaryPhoneNumberId).toBe(user.phoneNumbers[0]!.id);
    expect(user.emailAddresses).toEqual([]);
  });

  it('every refusal and answer above has the body the spec gives its operation and status', () => {
    const contract = new BapiContract();
    const entries = local.requests.list().filter((e) => e.route);
    expect(new Set(entries.map((e) => e.status))).toEqual(new Set([200, 400, 422]));
    const violations = entries
      .map((e) => ({ where: `${e.method} ${e.route} → ${e.status}`, errors: contract.check(e.method, (e.route ?? '').replace(/^\/v1/, ''), e.status, e.response) }))
      .filter((v) => v.errors.length > 0);
    expect(violations).toEqual([]);
  });

  it("issues session tokens with Clerk's documented v2 claims, 60 s by default", async () => {
    const withOrg = local.mintSession({ userId: adminId, orgId, origin: 'http://localhost:3000' });
    const claims = await verifyToken(withOrg.token, { jwtKey: local.jwtKey });
    expect(Object.keys(claims).sort()).toEqual([...V2_CLAIMS, 'o'].sort());
    expect(Object.keys(claims.o as object).sort()).toEqual([...V2_ORG_CLAIMS].sort());
    expect(claims).toMatchObject({ v: 2, sts: 'active', pla: 'u:free_user,o:free_org', o: { id: orgId, slg: 'rules-co', rol: 'admin' } });
    expect(claims.exp - claims.iat).toBe(60);

    const withoutOrg = await verifyToken(local.mintSession({ userId: memberId }).token, { jwtKey: local.jwtKey });
    expect(Object.keys(withoutOrg).sort()).toEqual([...V2_CLAIMS].sort());
    expect(withoutOrg.pla).toBe('u:free_user');
  });

  it('marks a session without an org pending (sts) while membership is required, and active once an org is set', async () => {
    local.settings.update({ membershipRequired: true });
    try {
      const pending = await verifyToken(local.mintSession({ userId: memberId }).token, { jwtKey: local.jwtKey });
      expect(pending.sts).toBe('pending');
      const active = await verifyToken(local.mintSession({ userId: memberId, orgId }).token, { jwtKey: local.jwtKey });
      expect(active.sts).toBe('active');
    } finally {
      local.settings.update({ membershipRequired: false });
    }
  });
});

if (!present) {
  describe("clerk-local answers Clerk's Backend API rules", () => {
    // Skipped only where ../shared/clerk-openapi is absent (a checkout without the shared specs):
    // the reason is the test's name. Under CI=true specPresent() throws instead, so CI fails, never skips.
    it.skip(`skipped: ${skipReason(BAPI_FILE)}`, () => {});
  });
}
