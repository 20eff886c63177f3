import { beforeAll, describe, expect, it } from 'vitest';
import { cachedMembership } from '@/lib/access';
import { AccessChange, accessChangesOf, Organization, recordAccessChange } from '@/lib/db';
import { configureAppEnv } from '../../helpers/appEnv';
import { latestPayload, useClerkLocal } from '../../helpers/clerkLocal';
import { clerkEvent, deliver } from '../../helpers/webhooks';
import { useTestDatabase } from '../../setup/db';

// Revocations shared through MongoDB (DESIGN.md §3 Access): membership and
// user events, delivered to the real route with the payloads clerk-local
// emitted, leave a stamp every app instance reads.
const db = useTestDatabase();
const clerk = useClerkLocal({ delivery: { paused: true } });

beforeAll(() => configureAppEnv({ mongoUri: db.uri, clerkApiUrl: clerk.server.url, clerkSecretKey: clerk.server.secretKey }));

async function userWithTestOrg() {
  const user = await clerk.sdk.users.createUser({ emailAddress: [`a${Math.random().toString(36).slice(2)}@example.com`] });
  expect((await deliver(latestPayload(clerk.server, 'user.created', user.id))).json.status).toBe('processed');
  const doc = await Organization.findOne({ ownerUserId: user.id }).lean();
  return { user, orgId: doc!.clerkOrgId! };
}

describe('membership events', () => {
  it('a new membership drops the local cached look-up and stamps nothing (a grant revokes no token)', async () => {
    const { orgId } = await userWithTestOrg();
    const other = await clerk.sdk.users.createUser({ emailAddress: [`m${Math.random().toString(36).slice(2)}@example.com`] });
    let lookups = 0;
    const load = async () => {
      lookups += 1;
      return null;
    };
    await cachedMembership(other.id, orgId, load); // cached: not a member
    await clerk.sdk.organizations.createOrganizationMembership({ organizationId: orgId, userId: other.id, role: 'org:admin' });
    expect((await deliver(latestPayload(clerk.server, 'organizationMembership.created'))).json.status).toBe('processed');
    await cachedMembership(other.id, orgId, load);
    expect(lookups).toBe(2);
    expect(await AccessChange.countDocuments({ userId: other.id })).toBe(0);
  });

  it('a role change or removal stamps the (org, user) in MongoDB, and the stamp never moves back', async () => {
    const { orgId } = await userWithTestOrg();
    const other = await clerk.sdk.users.createUser({ emailAddress: [`m${Math.random().toString(36).slice(2)}@example.com`] });
    await clerk.sdk.organizations.createOrganizationMembership({ organizationId: orgId, userId: other.id, role: 'org:admin' });
    const before = Date.now();
    await clerk.sdk.organizations.updateOrganizationMembership({ organizationId: orgId, userId: other.id, role: 'org:member' });
    const demoted = latestPayload(clerk.server, 'organizationMembership.updated');
    expect((await deliver(demoted)).json.status).toBe('processed');
    const stamped = (await accessChangesOf(other.id)).orgs[orgId]!;
    expect(stamped).toBeGreaterThanOrEqual(before);

    // Delivered again later, the event is stamped no earlier than its processing; an older stamp never wins.
    expect((await deliver(demoted)).json.status).toBe('processed');
    expect((await accessChangesOf(other.id)).orgs[orgId]).toBeGreaterThanOrEqual(stamped);
    await recordAccessChange({ userId: other.id, clerkOrgId: orgId, at: new Date(stamped - 60_000) });
    expect((await accessChangesOf(other.id)).orgs[orgId]).toBeGreaterThanOrEqual(stamped);

    await clerk.sdk.organizations.deleteOrganizationMembership({ organizationId: orgId, userId: other.id });
    expect((await deliver(latestPayload(clerk.server, 'organizationMembership.deleted'))).json.status).toBe('processed');
    expect((await accessChangesOf(other.id)).orgs[orgId]).toBeGreaterThanOrEqual(stamped);
    expect(await AccessChange.countDocuments({ userId: other.id })).toBe(1);
  });
});

describe('user events', () => {
  it('user.deleted signs the user out everywhere before the test org is retired', async () => {
    const { user } = await userWithTestOrg();
    const before = Date.now();
    await clerk.sdk.users.deleteUser(user.id);
    expect((await deliver(latestPayload(clerk.server, 'user.deleted', user.id))).json.status).toBe('processed');
    const changes = await accessChangesOf(user.id);
    expect(changes.signedOutAt).toBeGreaterThanOrEqual(before);
    expect(changes.userChangedAt).toBe(changes.signedOutAt);
  });

  it('user.updated with banned: true signs the user out; other user changes only make cached answers stale', async () => {
    const { user } = await userWithTestOrg();
    await clerk.sdk.users.updateUserMetadata(user.id, { publicMetadata: { platformAdmin: true } });
    expect((await deliver(latestPayload(clerk.server, 'user.updated', user.id))).json.status).toBe('processed');
    const changed = await accessChangesOf(user.id);
    expect(changed.userChangedAt).toBeGreaterThan(0);
    expect(changed.signedOutAt).toBe(0);

    // clerk-local has no ban endpoint: the payload is Clerk's user.updated for a banned user.
    const banned = { ...(latestPayload(clerk.server, 'user.updated', user.id) as { data: object }).data, banned: true, updated_at: Date.now() };
    expect((await deliver(clerkEvent('user.updated', banned))).json.status).toBe('processed');
    const after = await accessChangesOf(user.id);
    expect(after.signedOutAt).toBeGreaterThanOrEqual(changed.userChangedAt);
    expect(await AccessChange.countDocuments({ userId: user.id })).toBe(1);
  });
});
