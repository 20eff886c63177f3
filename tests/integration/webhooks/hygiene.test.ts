import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimEvent, Counter, LEASE_MS, Organization, WebhookEvent } from '@/lib/db';
import { provisioningPorts, provisionTestOrg, reconcilePorts, reconcileWith } from '@/lib/tenants';
import { replayEvent } from '@/lib/webhooks';
import { configureAppEnv } from '../../helpers/appEnv';
import { deleteAllOrgs, latestPayload, useClerkLocal } from '../../helpers/clerkLocal';
import { clerkEvent, deliver } from '../../helpers/webhooks';
import { useTestDatabase } from '../../setup/db';

// Issue 14, webhook hygiene and crash convergence, through the real route,
// svix, mongo-local and clerk-local (deliveries paused: each test posts the
// payload clerk-local generated).
const db = useTestDatabase();
const clerk = useClerkLocal({ delivery: { paused: true } });

beforeAll(() => configureAppEnv({ mongoUri: db.uri, clerkApiUrl: clerk.server.url, clerkSecretKey: clerk.server.secretKey }));
beforeEach(async () => {
  await Promise.all([Organization.deleteMany({}), Counter.deleteMany({}), WebhookEvent.deleteMany({})]);
  await deleteAllOrgs(clerk.sdk);
});

let n = 0;
async function newUser() {
  n += 1;
  const user = await clerk.sdk.users.createUser({ emailAddress: [`hygiene${n}@example.com`] });
  return { user, event: latestPayload(clerk.server, 'user.created', user.id) };
}
const counter = async () => (await Counter.findById('testOrg').lean())?.seq ?? 0;

describe('a verified event our schema refuses', () => {
  it('is recorded as failed with the reason and acknowledged, not bounced back to Svix', async () => {
    const org = await clerk.sdk.organizations.createOrganization({ name: 'Shape Co', slug: 'shape-co' });
    const event = latestPayload(clerk.server, 'organization.created', org.id) as { data: Record<string, unknown> };
    const refused = { ...event, data: { ...event.data, updated_at: 'yesterday' } };

    const response = await deliver(refused, { svixId: 'msg_schema_refused' });
    expect(response).toMatchObject({ status: 200, json: { status: 'failed' } });
    const logged = await WebhookEvent.findOne({ svixId: 'msg_schema_refused' }).lean();
    expect(logged).toMatchObject({ status: 'failed', type: 'organization.created', objectId: org.id });
    expect(logged?.lastError).toMatch(/organization\.created payload/);
    expect(logged?.lastError).toMatch(/updated_at/);
    expect(await Organization.countDocuments()).toBe(0);
    // Svix's redelivery is a duplicate: one record, no retries piling up.
    expect((await deliver(refused, { svixId: 'msg_schema_refused' })).json.status).toBe('duplicate');
  });

  it('keeps the raw fields the schema reads (not the profile) and parses them again on replay', async () => {
    const { user, event } = await newUser();
    const refused = { ...event, data: { ...(event.data as object), id: 42 } };
    const { svixId } = await deliver(refused);
    const logged = await WebhookEvent.findOne({ svixId }).lean();
    expect(logged).toMatchObject({ status: 'failed', payload: { id: 42 } });
    expect(Object.keys(logged!.payload as object)).toEqual(['id']);

    // The replay runs today's schema over the stored fields: still refused, recorded again.
    expect(await replayEvent(svixId)).toMatchObject({ delivery: { status: 200, body: { status: 'failed' } } });
    expect(await WebhookEvent.findOne({ svixId }).lean()).toMatchObject({ status: 'failed', attempts: 2 });

    // Once the fields parse (as after a fix of the schema), the replay provisions.
    await WebhookEvent.updateOne({ svixId }, { $set: { payload: { id: user.id } } });
    expect(await replayEvent(svixId)).toMatchObject({ delivery: { status: 200, body: { status: 'processed' } } });
    expect(await Organization.findOne({ ownerUserId: user.id }).lean()).toMatchObject({ status: 'active' });
  });
});

describe('user.created for a user Clerk does not have', () => {
  it('leaves no row and no gap in the test-org numbers, and is recorded as failed', async () => {
    const ghosts = [];
    for (let i = 0; i < 8; i += 1) {
      const { user, event } = await newUser();
      await clerk.sdk.users.deleteUser(user.id);
      ghosts.push(event);
    }
    for (const event of ghosts) {
      expect(await deliver(event)).toMatchObject({ status: 200, json: { status: 'failed' } });
    }
    expect(await Organization.countDocuments()).toBe(0);
    expect(await counter()).toBe(0);
    expect(await WebhookEvent.countDocuments({ status: 'failed', type: 'user.created' })).toBe(8);
    expect((await WebhookEvent.findOne({ type: 'user.created' }).lean())?.lastError).toMatch(/UnknownUserError/);
    expect((await clerk.sdk.organizations.getOrganizationList({ limit: 100 })).totalCount).toBe(0);

    const { user, event } = await newUser();
    expect((await deliver(event)).json.status).toBe('processed');
    expect(await Organization.findOne({ ownerUserId: user.id }).lean()).toMatchObject({ shortName: 'test-0001' });
  });
});

describe('organization.updated with an image_url', () => {
  it('keeps only an https: (or local) image as the logo, never javascript:', async () => {
    const { user } = await newUser();
    const org = await clerk.sdk.organizations.createOrganization({ name: 'Pic Co', slug: 'pic-co', createdBy: user.id });
    await deliver(latestPayload(clerk.server, 'organization.created', org.id));
    await clerk.sdk.organizations.updateOrganization(org.id, { name: 'Pic Co 2' });
    const event = latestPayload(clerk.server, 'organization.updated', org.id) as { data: Record<string, unknown> };

    const hostile = { ...event, data: { ...event.data, has_image: true, image_url: 'javascript:alert(document.cookie)' } };
    expect((await deliver(hostile)).json.status).toBe('processed');
    expect(await Organization.findOne({ clerkOrgId: org.id }).lean()).toMatchObject({ name: 'Pic Co 2', logoUrl: null });

    const later = (event.data.updated_at as number) + 1;
    const https = { ...event, data: { ...event.data, updated_at: later, has_image: true, image_url: 'https://img.clerk.com/logo.png' } };
    await deliver(https);
    expect(await Organization.findOne({ clerkOrgId: org.id }).lean()).toMatchObject({ logoUrl: 'https://img.clerk.com/logo.png' });
  });
});

describe('crash convergence', () => {
  it('writes newTenantSlug on the retry even when organization.created adopted the org first', async () => {
    const { user, event } = await newUser();
    // The process dies right after Clerk created the org; the database then
    // restarts without the reservation (its last writes lost).
    const crashing = {
      ...provisioningPorts,
      tenants: { ...provisioningPorts.tenants, attachClerkOrg: () => Promise.reject(new Error('process crashed')) },
    };
    await expect(provisionTestOrg(user.id, crashing)).rejects.toThrow('process crashed');
    await Organization.deleteMany({ ownerUserId: user.id });
    const [created] = (await clerk.sdk.organizations.getOrganizationList({ limit: 100 })).data;

    expect((await deliver(latestPayload(clerk.server, 'organization.created', created!.id))).json.status).toBe('processed');
    // Adopted, but not active: the owner does not know its slug yet.
    expect(await Organization.findOne({ ownerUserId: user.id }).lean()).toMatchObject({ status: 'provisioning', clerkOrgId: created!.id });

    expect((await deliver(event)).json.status).toBe('processed');
    expect(await Organization.findOne({ ownerUserId: user.id }).lean()).toMatchObject({ status: 'active' });
    expect((await clerk.sdk.users.getUser(user.id)).publicMetadata).toMatchObject({ newTenantSlug: created!.slug });
  });

  it('reconcile reports and repairs a newTenantSlug that is missing or wrong', async () => {
    const a = await newUser();
    const b = await newUser();
    await deliver(a.event);
    await deliver(b.event);
    const slugOf = async (userId: string) => (await Organization.findOne({ ownerUserId: userId }).lean())!.shortName;
    await clerk.sdk.users.updateUserMetadata(a.user.id, { publicMetadata: { newTenantSlug: null } });
    await clerk.sdk.users.updateUserMetadata(b.user.id, { publicMetadata: { newTenantSlug: 'test-9999' } });

    const ours = (findings: { kind: string; subject: string }[]) =>
      findings.filter((f) => f.subject === a.user.id || f.subject === b.user.id).map((f) => [f.kind, f.subject]);
    const dry = await reconcileWith({ apply: false }, reconcilePorts({ provisionMissing: true }));
    expect(ours(dry.findings).sort()).toEqual(
      [
        ['tenant-slug-drift', a.user.id],
        ['tenant-slug-drift', b.user.id],
      ].sort(),
    );
    await reconcileWith({ apply: true }, reconcilePorts({ provisionMissing: true }));
    expect((await clerk.sdk.users.getUser(a.user.id)).publicMetadata.newTenantSlug).toBe(await slugOf(a.user.id));
    expect((await clerk.sdk.users.getUser(b.user.id)).publicMetadata.newTenantSlug).toBe(await slugOf(b.user.id));
    expect(ours((await reconcileWith({ apply: false }, reconcilePorts({ provisionMissing: true }))).findings)).toEqual([]);
  });
});

describe('the event lease', () => {
  it('is shorter than Svix first retry (5 s), so a delivery cut off by a database outage does not turn the retry away', async () => {
    expect(LEASE_MS).toBeLessThan(5_000);
    const { user, event } = await newUser();
    // The attempt 5 s ago claimed the event, then lost the database and could not release it.
    const fields = { type: 'user.created', objectId: user.id, payload: { id: user.id } };
    expect(await claimEvent('msg_cut_off', fields, new Date(Date.now() - 5_000))).toBe('claimed');

    expect(await deliver(event, { svixId: 'msg_cut_off' })).toMatchObject({ status: 200, json: { status: 'processed' } });
    expect(await WebhookEvent.findOne({ svixId: 'msg_cut_off' }).lean()).toMatchObject({ status: 'processed', attempts: 2 });
  });

  it('is renewed while the handler runs, so a concurrent delivery still waits (409) past the lease', async () => {
    const { user, event } = await newUser();
    clerk.server.faults.set({ latencyMs: LEASE_MS + 800, match: { method: 'POST', path: '/v1/organizations' } });
    try {
      const first = deliver(event, { svixId: 'msg_slow' });
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 300));
      expect((await deliver(event, { svixId: 'msg_slow' })).status).toBe(409);
      expect(await first).toMatchObject({ status: 200, json: { status: 'processed' } });
    } finally {
      clerk.server.faults.reset();
    }
    expect(await Organization.countDocuments({ ownerUserId: user.id })).toBe(1);
  }, 30_000);
});

describe('retention', () => {
  it('gives settled events 30 days and failed ones 90, by a TTL index on expiresAt', async () => {
    const indexes = await WebhookEvent.collection.indexes();
    expect(indexes.find((i) => i.key.expiresAt === 1)).toMatchObject({
      expireAfterSeconds: 0,
      partialFilterExpression: { expiresAt: { $type: 'date' } },
    });
    const days = (d: Date | null | undefined, from: Date) => Math.round(((d?.getTime() ?? 0) - from.getTime()) / 86_400_000);

    const { user, event } = await newUser();
    const settled = await deliver(event);
    const processed = await WebhookEvent.findOne({ svixId: settled.svixId }).lean();
    expect(days(processed?.expiresAt, processed!.updatedAt)).toBe(30);

    await clerk.sdk.users.deleteUser(user.id);
    const ghost = await newUser();
    await clerk.sdk.users.deleteUser(ghost.user.id);
    const failed = await deliver(ghost.event);
    const failure = await WebhookEvent.findOne({ svixId: failed.svixId }).lean();
    expect(failure?.status).toBe('failed');
    expect(days(failure?.expiresAt, failure!.updatedAt)).toBe(90);

    const ignored = await deliver(clerkEvent('session.created', { id: 'sess_1' }));
    const other = await WebhookEvent.findOne({ svixId: ignored.svixId }).lean();
    expect(other?.status).toBe('ignored');
    expect(days(other?.expiresAt, other!.updatedAt)).toBe(30);
  });
});
