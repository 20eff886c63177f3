// Every webhook payload clerk-local emits for a scripted sequence is validated
// against its event's schema in webhooks-2025-04-15.yml.
import { createClerkClient } from '@clerk/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClerkLocal, type ClerkLocal, type EventPayload } from '../../tools/clerk-local';
import { skipReason, specPresent, WEBHOOKS_FILE, WebhookContract } from './support/openapi';

const present = specPresent(WEBHOOKS_FILE);
if (!present) console.warn(`[contract] skipped: ${skipReason(WEBHOOKS_FILE)}`);

const EMITTED = [
  'user.created',
  'user.updated',
  'user.deleted',
  'organization.created',
  'organization.updated',
  'organization.deleted',
  'organizationMembership.created',
  'organizationMembership.updated',
  'organizationMembership.deleted',
  'organizationInvitation.created',
  'organizationInvitation.accepted',
  'organizationInvitation.revoked',
];

describe.skipIf(!present)('clerk-local webhook payloads match webhooks-2025-04-15.yml', () => {
  let local: ClerkLocal;
  let payloads: EventPayload[];

  beforeAll(async () => {
    // No webhook URL: messages stay queued, their payloads are what would be sent.
    local = await startClerkLocal({ port: 0 });
    const clerk = createClerkClient({ secretKey: local.secretKey, apiUrl: local.url, telemetry: { disabled: true } });
    const orgs = clerk.organizations;
    const admin = await clerk.users.createUser({ emailAddress: ['admin@example.com'], firstName: 'Ada' });
    await clerk.users.updateUserMetadata(admin.id, { publicMetadata: { newTenantSlug: 'test-0001' } });
    const org = await orgs.createOrganization({ name: 'Acme', slug: 'acme', createdBy: admin.id });
    await orgs.updateOrganizationLogo(org.id, { file: new File([new Uint8Array([1])], 'l.png', { type: 'image/png' }) });
    const member = await clerk.users.createUser({ emailAddress: ['member@example.com'] });
    await orgs.createOrganizationMembership({ organizationId: org.id, userId: member.id, role: 'org:member' });
    await orgs.updateOrganizationMembership({ organizationId: org.id, userId: member.id, role: 'org:admin' });
    await orgs.deleteOrganizationMembership({ organizationId: org.id, userId: member.id });
    const revoked = await orgs.createOrganizationInvitation({ organizationId: org.id, emailAddress: 'x@example.com', role: 'org:member', inviterUserId: admin.id });
    await orgs.revokeOrganizationInvitation({ organizationId: org.id, invitationId: revoked.id });
    const inv = await orgs.createOrganizationInvitation({ organizationId: org.id, emailAddress: 'joiner@example.com', role: 'org:member' });
    const joiner = await clerk.users.createUser({ emailAddress: ['joiner@example.com'] });
    local.store.acceptInvitation(inv.id, joiner.id);
    await clerk.users.deleteUser(member.id);
    await orgs.deleteOrganization(org.id);
    payloads = local.deliveries.list().map((m) => JSON.parse(m.payload) as EventPayload);
  });

  afterAll(async () => {
    await local?.stop();
  });

  it('the sequence emitted every event type clerk-local reports, each one the spec describes', () => {
    expect(new Set(payloads.map((p) => p.type))).toEqual(new Set(EMITTED));
    const documented = new Set(new WebhookContract().eventTypes());
    expect(EMITTED.filter((t) => !documented.has(t))).toEqual([]);
  });

  it('every payload matches its event schema', () => {
    const contract = new WebhookContract();
    const violations = payloads
      .map((p) => ({ type: p.type, errors: contract.check(p) }))
      .filter((v) => v.errors.length > 0);
    expect(violations).toEqual([]);
  });

  it('the validator is not vacuous', () => {
    const contract = new WebhookContract();
    const created = payloads.find((p) => p.type === 'user.created');
    expect(created && contract.check(created)).toEqual([]);
    expect(contract.check({ ...created, data: { ...(created?.data as object), id: 5 } } as EventPayload)).not.toEqual([]);
    expect(contract.check({ ...created, instance_id: undefined } as unknown as EventPayload)).not.toEqual([]);
  });
});

// Only without the spec (a checkout without ../shared): shows the reason in
// the test report, not only in the console. With the spec the tests above run.
if (!present) {
  describe('clerk-local webhook contract', () => {
    // Skipped only where ../shared/clerk-openapi is absent (a checkout without the shared specs):
    // the reason is the test's name. Under CI=true specPresent() throws instead, so CI fails, never skips.
    it.skip(`skipped: ${skipReason(WEBHOOKS_FILE)}`, () => {});
  });
}
