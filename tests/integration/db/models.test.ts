// The app's models and their rules (DESIGN.md §3), through mongoose.
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_STATUS, Organization, WEBHOOK_EVENT_STATUS, WebhookEvent } from '@/lib/db';
import { RESERVED_SHORT_NAMES, isValidShortName } from '@/lib/domain';
import { useTestDatabase } from '../../setup/db';

useTestDatabase();

let sequence = 0;
const testOrg = (ownerUserId: string) => {
  sequence += 1;
  const shortName = `test-${String(sequence).padStart(4, '0')}`;
  return { shortName, name: shortName, isTestOrg: true, ownerUserId };
};
const customerOrg = (shortName: string) => ({ shortName, name: shortName.toUpperCase(), isTestOrg: false });

describe('Organization', () => {
  it('starts in provisioning with no Clerk id, logo or clerkUpdatedAt, and stamps timestamps', async () => {
    const org = await Organization.create(testOrg('user_defaults'));
    expect(org.toObject()).toMatchObject({
      status: ORGANIZATION_STATUS.provisioning,
      clerkOrgId: null,
      logoUrl: null,
      clerkUpdatedAt: null,
    });
    expect(org.createdAt).toBeInstanceOf(Date);
    expect(org.updatedAt).toBeInstanceOf(Date);
  });

  it('allows only one test org per owner', async () => {
    await Organization.create(testOrg('user_one'));
    await expect(Organization.create(testOrg('user_one'))).rejects.toMatchObject({
      code: 11000,
      keyPattern: { ownerUserId: 1 },
      keyValue: { ownerUserId: 'user_one' },
    });
  });

  it('allows any number of non-test orgs without an owner', async () => {
    await Organization.create(customerOrg('acme'));
    await Organization.create(customerOrg('globex'));
    expect(await Organization.countDocuments({ isTestOrg: false, ownerUserId: null })).toBeGreaterThanOrEqual(2);
  });

  it('lets an upsert keyed by owner reserve the test org exactly once', async () => {
    const reserve = (shortName: string) =>
      Organization.findOneAndUpdate(
        { ownerUserId: 'user_upsert', isTestOrg: true },
        { $setOnInsert: { shortName, name: shortName, status: ORGANIZATION_STATUS.provisioning } },
        { upsert: true, returnDocument: 'after', lean: true },
      );
    const first = await reserve('test-9001');
    const second = await reserve('test-9002');
    expect(second?._id).toEqual(first?._id);
    expect(second?.shortName).toBe('test-9001');
  });

  it('requires an owner for a test org and refuses one on other orgs', async () => {
    await expect(Organization.create({ ...testOrg('x'), ownerUserId: null })).rejects.toThrow(/ownerUserId/);
    await expect(Organization.create({ ...customerOrg('initech'), ownerUserId: 'user_x' })).rejects.toThrow(/ownerUserId/);
  });

  it('keeps shortName unique', async () => {
    await Organization.create(customerOrg('hooli'));
    await expect(Organization.create(customerOrg('hooli'))).rejects.toMatchObject({ code: 11000, keyPattern: { shortName: 1 } });
  });

  it('keeps clerkOrgId unique once set, while many orgs may still lack one', async () => {
    await Organization.create({ ...customerOrg('pending-a') });
    await Organization.create({ ...customerOrg('pending-b') });
    await Organization.create({ ...customerOrg('linked-a'), clerkOrgId: 'org_1' });
    await expect(Organization.create({ ...customerOrg('linked-b'), clerkOrgId: 'org_1' })).rejects.toMatchObject({
      code: 11000,
      keyPattern: { clerkOrgId: 1 },
    });
  });

  it('rejects a status outside provisioning, active, archived', async () => {
    await expect(Organization.create({ ...customerOrg('statusless'), status: 'deleted' as never })).rejects.toThrow(/status/);
  });

  it.each(['admin', 'sign-in', 'sign-up', 'event', 'onboarding', 'api'])(
    'rejects the reserved route name %s as a shortName',
    async (shortName) => {
      await expect(Organization.create(customerOrg(shortName))).rejects.toThrow(/not a valid shortName/);
    },
  );

  it.each(['Acme', '-acme', 'acme-', 'ac_me', 'a'.repeat(49), '', 'ac me', 'ümlaut'])(
    'rejects the malformed shortName %j',
    async (shortName) => {
      await expect(Organization.create(customerOrg(shortName))).rejects.toThrow(/shortName/);
    },
  );

  it.each(['a', '7', 'test-0007', 'test-12345', 'a'.repeat(48), 'x-y-z'])('accepts the shortName %j', async (shortName) => {
    await expect(Organization.create(customerOrg(shortName))).resolves.toMatchObject({ shortName });
  });
});

describe('shortName rule', () => {
  it('reserves every fixed route segment under [locale]', () => {
    for (const name of ['admin', 'api', 'event', 'onboarding', 'sign-in', 'sign-up']) {
      expect(RESERVED_SHORT_NAMES.has(name)).toBe(true);
      expect(isValidShortName(name)).toBe(false);
    }
  });
});

describe('WebhookEvent', () => {
  it('records each Svix message id once', async () => {
    await WebhookEvent.create({ svixId: 'msg_1', type: 'user.created', objectId: 'user_1' });
    await expect(WebhookEvent.create({ svixId: 'msg_1', type: 'user.created' })).rejects.toMatchObject({
      code: 11000,
      keyPattern: { svixId: 1 },
    });
  });

  it('starts as processing with no attempts or error, and tracks failures', async () => {
    const event = await WebhookEvent.create({ svixId: 'msg_2', type: 'organization.updated' });
    expect(event.toObject()).toMatchObject({ status: WEBHOOK_EVENT_STATUS.processing, attempts: 0, lastError: null });
    const failed = await WebhookEvent.findOneAndUpdate(
      { svixId: 'msg_2' },
      { $inc: { attempts: 1 }, $set: { status: WEBHOOK_EVENT_STATUS.failed, lastError: 'Clerk 503' } },
      { returnDocument: 'after', lean: true },
    );
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Clerk 503' });
  });

  it('rejects an unknown status', async () => {
    await expect(WebhookEvent.create({ svixId: 'msg_3', type: 'x', status: 'done' as never })).rejects.toThrow(/status/);
  });
});
