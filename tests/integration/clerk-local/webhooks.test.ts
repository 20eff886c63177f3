import { createClerkClient } from '@clerk/backend';
import { afterEach, describe, expect, it } from 'vitest';
import { startClerkLocal, type ClerkLocal, type ClerkLocalOptions } from '../../../tools/clerk-local';
import { clientFor, email, uniq } from './fixture';
import { type Respond, startReceiver } from './receiver';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** An emulator delivering to a fresh receiver; Svix's schedule compressed 1000× (5 s → 5 ms). */
async function setup(respond?: Respond, options: ClerkLocalOptions = {}) {
  const secret = 'whsec_' + Buffer.from('clerk-local-webhook-test-secret!').toString('base64');
  const receiver = await startReceiver(secret, respond);
  const local: ClerkLocal = await startClerkLocal({
    port: 0,
    webhookUrl: receiver.url,
    webhookSecret: secret,
    ...options,
    delivery: { retryScale: 0.001, concurrency: 1, ...options.delivery },
  });
  cleanups.push(receiver.close, local.stop);
  return { local, receiver, clerk: clientFor(local) as ReturnType<typeof createClerkClient> };
}

describe('clerk-local webhook delivery', () => {
  it('delivers user.created with Svix headers that svix Webhook.verify accepts, in Clerk\'s payload shape', async () => {
    const { local, receiver, clerk } = await setup();
    const before = Math.floor(Date.now() / 1000);
    const user = await clerk.users.createUser({ emailAddress: [email()] });
    await local.deliveries.idle();
    const after = Math.ceil(Date.now() / 1000);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got?.verified).toBe(true);
    expect(got?.id).toMatch(/^msg_/);
    // Stamped while the message was sent: between the two readings, whatever the machine's speed.
    expect(Number(got?.headers['svix-timestamp'])).toBeGreaterThanOrEqual(before);
    expect(Number(got?.headers['svix-timestamp'])).toBeLessThanOrEqual(after);
    expect(got?.payload).toMatchObject({
      object: 'event',
      type: 'user.created',
      instance_id: local.instanceId,
      data: { id: user.id, object: 'user' },
      event_attributes: { http_request: { client_ip: '127.0.0.1', user_agent: expect.stringContaining('@clerk/backend') } },
    });
  });

  it('retries a receiver answering 500 twice; the third attempt succeeds and the log shows all three', async () => {
    const { local, receiver, clerk } = await setup((n) => (n <= 2 ? 500 : 200));
    await clerk.users.createUser({ emailAddress: [email()] });
    await local.deliveries.idle();
    expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1); // same svix-id each time
    const attempts = local.deliveries.log();
    expect(attempts.map((a) => [a.type, a.attempt, a.status])).toEqual([
      ['user.created', 1, 500],
      ['user.created', 2, 500],
      ['user.created', 3, 200],
    ]);
    expect(attempts[0]?.error).toBe('HTTP 500');
    expect(local.deliveries.list()[0]?.state).toBe('succeeded');
    // The same log over HTTP.
    const http = (await (await fetch(`${local.url}/__local/deliveries`)).json()) as { attempts: { status: number }[] };
    expect(http.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
  });

  it('follows Svix\'s schedule scaled by retryScale, and gives up after 8 attempts', async () => {
    const { local, receiver, clerk } = await setup(() => 503, { delivery: { retryScale: 0.00001 } });
    await clerk.users.createUser({ emailAddress: [email()] });
    await local.deliveries.idle();
    expect(receiver.received).toHaveLength(8);
    expect(local.deliveries.list()[0]?.state).toBe('failed');
    const times = local.deliveries.log().map((a) => a.time);
    // 5 min × 1e-5 = 3 ms before the third attempt, 30 min → 18 ms before the fourth.
    expect((times[3] ?? 0) - (times[2] ?? 0)).toBeGreaterThanOrEqual(15);
  });

  it('retries after a timeout', async () => {
    const { local, receiver, clerk } = await setup((n) => (n === 1 ? 'hang' : 200), { delivery: { timeoutMs: 100 } });
    await clerk.users.createUser({ emailAddress: [email()] });
    await local.deliveries.idle();
    const log = local.deliveries.log();
    expect(log.map((a) => a.status)).toEqual([null, 200]);
    expect(log[0]?.error).toMatch(/timed out/);
    expect(receiver.types()).toEqual(['user.created']);
  });

  it('reports every state change: users, orgs, memberships, invitations', async () => {
    const { local, receiver, clerk } = await setup();
    const admin = await clerk.users.createUser({ emailAddress: [email()] });
    await clerk.users.updateUserMetadata(admin.id, { publicMetadata: { a: 1 } });
    const org = await clerk.organizations.createOrganization({ name: 'Hooks', slug: uniq('hooks'), createdBy: admin.id });
    await clerk.organizations.updateOrganization(org.id, { name: 'Hooks 2' });
    const member = await clerk.users.createUser({ emailAddress: [email()] });
    await clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: member.id, role: 'org:member' });
    await clerk.organizations.updateOrganizationMembership({ organizationId: org.id, userId: member.id, role: 'org:admin' });
    await clerk.organizations.deleteOrganizationMembership({ organizationId: org.id, userId: member.id });
    const inv1 = await clerk.organizations.createOrganizationInvitation({ organizationId: org.id, emailAddress: email(), role: 'org:member' });
    await clerk.organizations.revokeOrganizationInvitation({ organizationId: org.id, invitationId: inv1.id });
    const inviteeEmail = email();
    const inv2 = await clerk.organizations.createOrganizationInvitation({ organizationId: org.id, emailAddress: inviteeEmail, role: 'org:member' });
    const invitee = await clerk.users.createUser({ emailAddress: [inviteeEmail] });
    local.store.acceptInvitation(inv2.id, invitee.id);
    await clerk.users.deleteUser(invitee.id);
    await clerk.organizations.deleteOrganization(org.id);
    await local.deliveries.idle();
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(receiver.types()).toEqual([
      'user.created',
      'user.updated',
      'organization.created',
      'organizationMembership.created',
      'organization.updated',
      'user.created',
      'organizationMembership.created',
      'organizationMembership.updated',
      'organizationMembership.deleted',
      'organizationInvitation.created',
      'organizationInvitation.revoked',
      'organizationInvitation.created',
      'user.created',
      'organizationMembership.created',
      'organizationInvitation.accepted',
      'organizationMembership.deleted',
      'user.deleted',
      'organization.deleted',
    ]);
    const deleted = receiver.received.find((r) => r.payload.type === 'user.deleted')?.payload.data;
    expect(deleted).toEqual({ object: 'user', id: invitee.id, deleted: true });
    const updated = receiver.received.find((r) => r.payload.type === 'organization.updated')?.payload.data;
    expect(updated).toMatchObject({ id: org.id, name: 'Hooks 2' });
  });

  it('injects duplicate deliveries with the same svix-id', async () => {
    const { local, receiver, clerk } = await setup(undefined, { delivery: { duplicateRate: 1 } });
    await clerk.users.createUser({ emailAddress: [email()] });
    await local.deliveries.idle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.id).toBe(receiver.received[1]?.id);
    expect(local.deliveries.log().map((a) => a.duplicate)).toEqual([false, true]);
  });

  it('injects reordering: a held-back event arrives after a later one', async () => {
    const { local, receiver, clerk } = await setup();
    local.deliveries.configure({ reorderRate: 1, reorderDelayMs: 100 });
    const u = await clerk.users.createUser({ emailAddress: [email()] });
    local.deliveries.configure({ reorderRate: 0 });
    await clerk.users.updateUser(u.id, { firstName: 'Later' });
    await local.deliveries.idle();
    expect(receiver.types()).toEqual(['user.updated', 'user.created']);
  });

  it('queues while paused (a laptop without a tunnel) and delivers on resume', async () => {
    const { local, receiver, clerk } = await setup(undefined, { delivery: { paused: true } });
    await clerk.users.createUser({ emailAddress: [email()] });
    await local.deliveries.idle();
    expect(receiver.received).toHaveLength(0);
    expect(local.deliveries.list()[0]?.state).toBe('queued');
    await fetch(`${local.url}/__local/deliveries`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ paused: false }) });
    await local.deliveries.idle();
    expect(receiver.types()).toEqual(['user.created']);
  });

  it('without a webhook URL, events wait until one is set', async () => {
    const { local, receiver, clerk } = await setup();
    local.deliveries.setUrl(null);
    await clerk.users.createUser({ emailAddress: [email()] });
    await local.deliveries.idle();
    expect(receiver.received).toHaveLength(0);
    local.deliveries.setUrl(receiver.url);
    await local.deliveries.idle();
    expect(receiver.types()).toEqual(['user.created']);
  });
});
