import { beforeAll, describe, expect, it } from 'vitest';
import { findTenantByClerkOrgId, Organization } from '@/lib/db';
import { changeOrgSettings, orgSettingsPorts, TestOrgLockedError } from '@/lib/tenants';
import { configureAppEnv } from '../../helpers/appEnv';
import { latestPayload, useClerkLocal } from '../../helpers/clerkLocal';
import { deliver } from '../../helpers/webhooks';
import { useTestDatabase } from '../../setup/db';

// An org admin's rename and logo change (DESIGN.md §1): Clerk first, MongoDB
// at once; the organization.updated that follows is a no-op.
const db = useTestDatabase();
const clerk = useClerkLocal({ delivery: { paused: true } });
beforeAll(() => configureAppEnv({ mongoUri: db.uri, clerkApiUrl: clerk.server.url, clerkSecretKey: clerk.server.secretKey }));

const png = () => new Blob([Buffer.from('89504e470d0a1a0a', 'hex')], { type: 'image/png' });

async function customerOrg(slug: string) {
  const admin = await clerk.sdk.users.createUser({ emailAddress: [`${slug}-admin@example.com`] });
  const org = await clerk.sdk.organizations.createOrganization({ name: 'Before', slug, createdBy: admin.id });
  await deliver(latestPayload(clerk.server, 'organization.created', org.id));
  return { admin, org, tenant: (await findTenantByClerkOrgId(org.id))! };
}

describe('changeOrgSettings', () => {
  it('renames in Clerk and MongoDB at once; the webhook that follows changes nothing', async () => {
    const { org, tenant } = await customerOrg('rename-co');
    await changeOrgSettings(tenant, { kind: 'rename', name: 'After' }, orgSettingsPorts);
    expect((await clerk.sdk.organizations.getOrganization({ organizationId: org.id })).name).toBe('After');
    expect(await Organization.findOne({ clerkOrgId: org.id }).lean()).toMatchObject({ name: 'After', shortName: 'rename-co' });

    const calls = clerk.server.requests.count({ path: '/v1/*' });
    expect((await deliver(latestPayload(clerk.server, 'organization.updated', org.id))).json.status).toBe('processed');
    expect(clerk.server.requests.count({ path: '/v1/*' })).toBe(calls);
    expect(await Organization.findOne({ clerkOrgId: org.id }).lean()).toMatchObject({ name: 'After' });
  });

  it('uploads and removes a logo', async () => {
    const { admin, org, tenant } = await customerOrg('logo-co');
    const withLogo = await changeOrgSettings(tenant, { kind: 'logo', file: png(), userId: admin.id }, orgSettingsPorts);
    const clerkOrg = await clerk.sdk.organizations.getOrganization({ organizationId: org.id });
    expect(clerkOrg.hasImage).toBe(true);
    expect((await Organization.findOne({ clerkOrgId: org.id }).lean())?.logoUrl).toBe(clerkOrg.imageUrl);
    await changeOrgSettings(withLogo, { kind: 'remove-logo' }, orgSettingsPorts);
    expect((await clerk.sdk.organizations.getOrganization({ organizationId: org.id })).hasImage).toBe(false);
    expect((await Organization.findOne({ clerkOrgId: org.id }).lean())?.logoUrl).toBeNull();
  });

  it('refuses to rename a test org or give it a logo, and calls nobody', async () => {
    const user = await clerk.sdk.users.createUser({ emailAddress: ['tester@example.com'] });
    await deliver(latestPayload(clerk.server, 'user.created', user.id));
    const doc = await Organization.findOne({ ownerUserId: user.id }).lean();
    const tenant = (await findTenantByClerkOrgId(doc!.clerkOrgId!))!;
    const calls = clerk.server.requests.count({ path: '/v1/*' });
    await expect(changeOrgSettings(tenant, { kind: 'rename', name: 'Mine' }, orgSettingsPorts)).rejects.toBeInstanceOf(TestOrgLockedError);
    await expect(changeOrgSettings(tenant, { kind: 'logo', file: png(), userId: user.id }, orgSettingsPorts)).rejects.toBeInstanceOf(
      TestOrgLockedError,
    );
    expect(clerk.server.requests.count({ path: '/v1/*' })).toBe(calls);
  });
});
