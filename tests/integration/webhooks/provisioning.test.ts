import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Counter, Organization, WebhookEvent } from '@/lib/db';
import { provisioningPorts, provisionTestOrg } from '@/lib/tenants';
import { configureAppEnv } from '../../helpers/appEnv';
import { deleteAllOrgs, latestPayload, useClerkLocal } from '../../helpers/clerkLocal';
import { deliver } from '../../helpers/webhooks';
import { useTestDatabase } from '../../setup/db';

// user.created through the real route, svix, mongo-local and clerk-local
// (DESIGN.md §3 test-org provisioning). clerk-local's own deliveries stay
// paused: each test posts the payload clerk-local generated itself.
const db = useTestDatabase();
const clerk = useClerkLocal({ delivery: { paused: true } });

beforeAll(() => configureAppEnv({ mongoUri: db.uri, clerkApiUrl: clerk.server.url, clerkSecretKey: clerk.server.secretKey }));
beforeEach(async () => {
  await Promise.all([Organization.deleteMany({}), Counter.deleteMany({}), WebhookEvent.deleteMany({})]);
  clerk.server.faults.reset();
  await deleteAllOrgs(clerk.sdk);
});

let userCount = 0;
async function signUp(publicMetadata: Record<string, unknown> = {}) {
  userCount += 1;
  const user = await clerk.sdk.users.createUser({ emailAddress: [`person${userCount}@example.com`], publicMetadata });
  return { user, event: latestPayload(clerk.server, 'user.created', user.id) };
}

describe('user.created', () => {
  it('creates test-0001 in MongoDB and Clerk, with the user as org:admin and newTenantSlug set', async () => {
    const { user, event } = await signUp({ plan: 'trial' });
    const response = await deliver(event);
    expect(response).toMatchObject({ status: 200, json: { status: 'processed' } });

    const doc = await Organization.findOne({ ownerUserId: user.id }).lean();
    expect(doc).toMatchObject({ shortName: 'test-0001', name: 'test-0001', isTestOrg: true, status: 'active' });
    const org = await clerk.sdk.organizations.getOrganization({ slug: 'test-0001' });
    expect(doc?.clerkOrgId).toBe(org.id);
    expect(org.name).toBe('test-0001');
    const { data: members } = await clerk.sdk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(members.map((m) => [m.publicUserData?.userId, m.role])).toEqual([[user.id, 'org:admin']]);
    const after = await clerk.sdk.users.getUser(user.id);
    expect(after.publicMetadata).toEqual({ plan: 'trial', newTenantSlug: 'test-0001' });
    expect(await WebhookEvent.findOne({ svixId: response.svixId }).lean()).toMatchObject({
      type: 'user.created',
      objectId: user.id,
      status: 'processed',
      attempts: 1,
    });
  });

  it('provisions one org for the same event delivered 5 times, one after another', async () => {
    const { user, event } = await signUp();
    const svixId = 'msg_same_sequential';
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push((await deliver(event, { svixId })).json.status);
    expect(answers).toEqual(['processed', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(await Organization.countDocuments({ ownerUserId: user.id })).toBe(1);
    expect((await clerk.sdk.organizations.getOrganizationList({ query: 'test-' })).totalCount).toBe(1);
  });

  it('provisions one org for the same event delivered 5 times at once', async () => {
    const { user, event } = await signUp();
    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(event, { svixId: 'msg_same_concurrent' })));
    expect(answers.filter((a) => a.json.status === 'processed')).toHaveLength(1);
    // The others are acknowledged as duplicates or told to come back (409) while the first works.
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    expect(await Organization.countDocuments({ ownerUserId: user.id })).toBe(1);
    const { data: orgs } = await clerk.sdk.organizations.getOrganizationList({ query: 'test-', limit: 100 });
    expect(orgs.filter((o) => o.createdBy === user.id)).toHaveLength(1);
  });

  it('provisions one org when the same user arrives under different svix-ids at once (webhook and first visit racing)', async () => {
    const { user, event } = await signUp();
    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(event)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await Organization.countDocuments({ ownerUserId: user.id })).toBe(1);
    const { data: orgs } = await clerk.sdk.organizations.getOrganizationList({ limit: 100 });
    expect(orgs.filter((o) => o.createdBy === user.id)).toHaveLength(1);
  });

  it('gives 50 users signing up at once 50 distinct, gap-free numbers', async () => {
    const signUps = [];
    for (let i = 0; i < 50; i += 1) signUps.push(await signUp());
    const answers = await Promise.all(signUps.map(({ event }) => deliver(event)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    const names = (await Organization.find({ isTestOrg: true }).lean()).map((d) => d.shortName).sort();
    expect(names).toEqual(Array.from({ length: 50 }, (_, i) => `test-${String(i + 1).padStart(4, '0')}`));
  });

  it('answers 503 when Clerk fails the org creation, and converges to one org on the retry', async () => {
    const { user, event } = await signUp();
    // lib/clerk retries within its budget, so Clerk must fail for longer than that: every create.
    clerk.server.faults.set({ rate5xx: 1, status5xx: 503, match: { method: 'POST', path: '/v1/organizations' } });
    const first = await deliver(event, { svixId: 'msg_retry_after_5xx' });
    expect(first.status).toBe(503);
    const pending = await WebhookEvent.findOne({ svixId: 'msg_retry_after_5xx' }).lean();
    expect(pending).toMatchObject({ status: 'processing' });
    expect(pending?.lastError).toMatch(/Clerk unavailable/);
    expect(await Organization.findOne({ ownerUserId: user.id }).lean()).toMatchObject({ status: 'provisioning' });

    clerk.server.faults.reset();
    const retry = await deliver(event, { svixId: 'msg_retry_after_5xx' });
    expect(retry).toMatchObject({ status: 200, json: { status: 'processed' } });
    expect(await Organization.findOne({ ownerUserId: user.id }).lean()).toMatchObject({ status: 'active' });
    expect(await WebhookEvent.findOne({ svixId: 'msg_retry_after_5xx' }).lean()).toMatchObject({ status: 'processed', attempts: 2 });
    const { data: orgs } = await clerk.sdk.organizations.getOrganizationList({ limit: 100 });
    expect(orgs.filter((o) => o.createdBy === user.id)).toHaveLength(1);
  }, 60_000);

  it('rides out a single Clerk 5xx inside one delivery (retry with backoff)', async () => {
    const { user, event } = await signUp();
    clerk.server.faults.set({ rate5xx: 1, status5xx: 502, match: { method: 'POST', path: '/v1/organizations' }, remaining: 1 });
    expect((await deliver(event)).status).toBe(200);
    expect(await Organization.findOne({ ownerUserId: user.id }).lean()).toMatchObject({ status: 'active' });
  });

  it('adopts the Clerk org a crashed attempt created instead of creating a second', async () => {
    const { user, event } = await signUp();
    // The process dies right after Clerk created the org, before MongoDB heard of it.
    const crashing = {
      ...provisioningPorts,
      tenants: {
        ...provisioningPorts.tenants,
        attachClerkOrg: async () => {
          throw new Error('process crashed');
        },
      },
    };
    await expect(provisionTestOrg(user.id, crashing)).rejects.toThrow('process crashed');
    expect(await Organization.findOne({ ownerUserId: user.id }).lean()).toMatchObject({ status: 'provisioning', clerkOrgId: null });

    const creates = () => clerk.server.requests.count({ method: 'POST', path: '/v1/organizations' });
    const createsBefore = creates();
    expect((await deliver(event)).json.status).toBe('processed');
    const doc = await Organization.findOne({ ownerUserId: user.id }).lean();
    const { data: orgs } = await clerk.sdk.organizations.getOrganizationList({ limit: 100 });
    expect(orgs.filter((o) => o.createdBy === user.id).map((o) => o.id)).toEqual([doc?.clerkOrgId]);
    expect(doc?.status).toBe('active');
    // The retry looked the org up and adopted it: no second create.
    expect(creates()).toBe(createsBefore);
  });

  it('records a permanent failure (Clerk has no such user) as failed, answers 200 so Svix stops, and keeps it for replay', async () => {
    const { user, event } = await signUp();
    await clerk.sdk.users.deleteUser(user.id); // Clerk refuses an org created by a user it no longer has
    const response = await deliver(event, { svixId: 'msg_permanent' });
    expect(response).toMatchObject({ status: 200, json: { status: 'failed' } });
    const logged = await WebhookEvent.findOne({ svixId: 'msg_permanent' }).lean();
    expect(logged).toMatchObject({ status: 'failed', type: 'user.created', payload: { id: user.id } });
    expect(logged?.lastError).toMatch(/UnknownUserError/);
    // A redelivery is acknowledged without another attempt.
    expect((await deliver(event, { svixId: 'msg_permanent' })).json.status).toBe('duplicate');
  });
});
