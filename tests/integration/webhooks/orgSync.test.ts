import { beforeAll, describe, expect, it } from 'vitest';
import { Organization } from '@/lib/db';
import { configureAppEnv } from '../../helpers/appEnv';
import { latestPayload, useClerkLocal } from '../../helpers/clerkLocal';
import { clerkEvent, deliver } from '../../helpers/webhooks';
import { useTestDatabase } from '../../setup/db';

// organization.* and user.deleted through the real route (DESIGN.md §3): the
// payloads are the ones clerk-local emitted for real Backend API changes.
const db = useTestDatabase();
const clerk = useClerkLocal({ delivery: { paused: true } });

beforeAll(() => configureAppEnv({ mongoUri: db.uri, clerkApiUrl: clerk.server.url, clerkSecretKey: clerk.server.secretKey }));

const png = () => new Blob([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')], { type: 'image/png' });
const clerkCalls = () => clerk.server.requests.count({ path: '/v1/*' });

async function signUpWithTestOrg() {
  const user = await clerk.sdk.users.createUser({ emailAddress: [`p${Math.random().toString(36).slice(2)}@example.com`] });
  expect((await deliver(latestPayload(clerk.server, 'user.created', user.id))).json.status).toBe('processed');
  const doc = await Organization.findOne({ ownerUserId: user.id }).lean();
  return { user, doc: doc! };
}

describe('organization.updated on a test org', () => {
  it('reverts a changed slug, name and added logo in Clerk, and the event answering the fix is a no-op', async () => {
    const { user, doc } = await signUpWithTestOrg();
    const orgId = doc.clerkOrgId!;
    await clerk.sdk.organizations.updateOrganization(orgId, { slug: 'my-playground', name: 'My playground' });
    await clerk.sdk.organizations.updateOrganizationLogo(orgId, { file: png(), uploaderUserId: user.id });
    const changed = latestPayload(clerk.server, 'organization.updated', orgId);

    expect((await deliver(changed)).json.status).toBe('processed');
    const reverted = await clerk.sdk.organizations.getOrganization({ organizationId: orgId });
    expect({ slug: reverted.slug, name: reverted.name, hasImage: reverted.hasImage }).toEqual({
      slug: doc.shortName,
      name: doc.shortName,
      hasImage: false,
    });

    // Clerk answers each correction with another organization.updated: nothing left to correct.
    const answer = latestPayload(clerk.server, 'organization.updated', orgId);
    const before = clerkCalls();
    expect((await deliver(answer)).json.status).toBe('processed');
    expect(clerkCalls()).toBe(before);
    expect(await Organization.findOne({ clerkOrgId: orgId }).lean()).toMatchObject({ name: doc.shortName, logoUrl: null });
  });
});

describe('organization.created and organization.updated on a customer org', () => {
  it('adopts the org, syncs its rename and new logo, and ignores an older event arriving late', async () => {
    const { user } = await signUpWithTestOrg();
    const org = await clerk.sdk.organizations.createOrganization({ name: 'Acme', slug: 'acme', createdBy: user.id });
    expect((await deliver(latestPayload(clerk.server, 'organization.created', org.id))).json.status).toBe('processed');
    expect(await Organization.findOne({ clerkOrgId: org.id }).lean()).toMatchObject({
      shortName: 'acme',
      name: 'Acme',
      isTestOrg: false,
      ownerUserId: null,
      status: 'active',
    });

    await clerk.sdk.organizations.updateOrganization(org.id, { name: 'Acme Europe' });
    const older = latestPayload(clerk.server, 'organization.updated', org.id);
    // clerk-local's clock is strictly increasing: the next update gets a later updated_at without waiting.
    await clerk.sdk.organizations.updateOrganization(org.id, { name: 'Acme GmbH' });
    await clerk.sdk.organizations.updateOrganizationLogo(org.id, { file: png(), uploaderUserId: user.id });
    const newer = latestPayload(clerk.server, 'organization.updated', org.id);

    expect((await deliver(newer)).json.status).toBe('processed');
    const synced = await Organization.findOne({ clerkOrgId: org.id }).lean();
    const logo = (await clerk.sdk.organizations.getOrganization({ organizationId: org.id })).imageUrl;
    expect(synced).toMatchObject({ name: 'Acme GmbH', logoUrl: logo });

    expect((await deliver(older)).json.status).toBe('ignored');
    expect(await Organization.findOne({ clerkOrgId: org.id }).lean()).toMatchObject({ name: 'Acme GmbH', logoUrl: logo });
  });

  it('does not adopt an org whose slug is a reserved route name', async () => {
    const { user } = await signUpWithTestOrg();
    const org = await clerk.sdk.organizations.createOrganization({ name: 'Admins', slug: 'admin', createdBy: user.id });
    expect((await deliver(latestPayload(clerk.server, 'organization.created', org.id))).json.status).toBe('ignored');
    expect(await Organization.findOne({ clerkOrgId: org.id }).lean()).toBeNull();
  });
});

describe('deletions', () => {
  it('organization.deleted archives the document and keeps it', async () => {
    const { user } = await signUpWithTestOrg();
    const org = await clerk.sdk.organizations.createOrganization({ name: 'Gone Ltd', slug: 'gone-ltd', createdBy: user.id });
    await deliver(latestPayload(clerk.server, 'organization.created', org.id));
    await clerk.sdk.organizations.deleteOrganization(org.id);
    expect((await deliver(latestPayload(clerk.server, 'organization.deleted', org.id))).json.status).toBe('processed');
    expect(await Organization.findOne({ clerkOrgId: org.id }).lean()).toMatchObject({ status: 'archived', name: 'Gone Ltd' });
  });

  it('user.deleted archives the test org and deletes it in Clerk', async () => {
    const { user, doc } = await signUpWithTestOrg();
    await clerk.sdk.users.deleteUser(user.id);
    expect((await deliver(latestPayload(clerk.server, 'user.deleted', user.id))).json.status).toBe('processed');
    expect(await Organization.findOne({ shortName: doc.shortName }).lean()).toMatchObject({ status: 'archived' });
    await expect(clerk.sdk.organizations.getOrganization({ organizationId: doc.clerkOrgId! })).rejects.toMatchObject({ status: 404 });
  });
});

describe('other events', () => {
  it('acknowledges an unknown event type and records it as ignored', async () => {
    const response = await deliver(clerkEvent('session.created', { id: 'sess_1', object: 'session' }));
    expect(response).toMatchObject({ status: 200, json: { status: 'ignored' } });
  });
});
