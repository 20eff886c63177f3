import { beforeAll, describe, expect, it } from 'vitest';
import { Organization } from '@/lib/db';
import { reconcileWith, reconcilePorts } from '@/lib/tenants';
import { configureAppEnv } from '../../helpers/appEnv';
import { latestPayload, useClerkLocal } from '../../helpers/clerkLocal';
import { deliver } from '../../helpers/webhooks';
import { useTestDatabase } from '../../setup/db';

// DESIGN.md §3 reconcile: drift made behind the app's back (no webhooks).
const db = useTestDatabase();
const clerk = useClerkLocal({ delivery: { paused: true } });
beforeAll(() => configureAppEnv({ mongoUri: db.uri, clerkApiUrl: clerk.server.url, clerkSecretKey: clerk.server.secretKey }));

const ports = () => reconcilePorts({ provisionMissing: true });

describe('reconcile', () => {
  it('reports a deleted MongoDB org and a renamed Clerk slug, fixes both with apply, then finds nothing', async () => {
    const user = await clerk.sdk.users.createUser({ emailAddress: ['drift@example.com'] });
    await deliver(latestPayload(clerk.server, 'user.created', user.id));
    const testOrg = (await Organization.findOne({ ownerUserId: user.id }).lean())!;
    const customer = await clerk.sdk.organizations.createOrganization({ name: 'Drift Co', slug: 'drift-co', createdBy: user.id });
    await deliver(latestPayload(clerk.server, 'organization.created', customer.id));
    expect(await reconcileWith({ apply: false }, ports())).toMatchObject({ findings: [] });

    // Behind the app's back: no webhooks reach it for these.
    await Organization.deleteOne({ clerkOrgId: customer.id });
    await clerk.sdk.organizations.updateOrganization(testOrg.clerkOrgId!, { slug: 'sneaky-slug' });

    const dry = await reconcileWith({ apply: false }, ports());
    expect(dry.findings.map((f) => [f.kind, f.subject, f.fixed]).sort()).toEqual([
      ['slug-drift', testOrg.shortName, false],
      ['unknown-clerk-org', 'drift-co', false],
    ]);
    expect(dry.counts).toMatchObject({ 'slug-drift': 1, 'unknown-clerk-org': 1, conflict: 0 });
    expect(await Organization.findOne({ clerkOrgId: customer.id }).lean()).toBeNull();
    expect((await clerk.sdk.organizations.getOrganization({ organizationId: testOrg.clerkOrgId! })).slug).toBe('sneaky-slug');

    const applied = await reconcileWith({ apply: true }, ports());
    expect(applied.findings.every((f) => f.fixed)).toBe(true);
    expect(await Organization.findOne({ clerkOrgId: customer.id }).lean()).toMatchObject({ shortName: 'drift-co', name: 'Drift Co', isTestOrg: false });
    expect((await clerk.sdk.organizations.getOrganization({ organizationId: testOrg.clerkOrgId! })).slug).toBe(testOrg.shortName);

    expect((await reconcileWith({ apply: false }, ports())).findings).toEqual([]);
  });

  it('provisions users who never got a test org, and archives documents whose Clerk org is gone', async () => {
    const lonely = await clerk.sdk.users.createUser({ emailAddress: ['lonely@example.com'] });
    const owner = await clerk.sdk.users.createUser({ emailAddress: ['owner@example.com'] });
    await deliver(latestPayload(clerk.server, 'user.created', owner.id));
    const gone = await clerk.sdk.organizations.createOrganization({ name: 'Gone Co', slug: 'gone-co', createdBy: owner.id });
    await deliver(latestPayload(clerk.server, 'organization.created', gone.id));
    await clerk.sdk.organizations.deleteOrganization(gone.id); // organization.deleted never delivered

    const dry = await reconcileWith({ apply: false }, ports());
    expect(dry.findings.map((f) => [f.kind, f.subject]).sort()).toEqual([
      ['missing-in-clerk', 'gone-co'],
      ['user-without-test-org', lonely.id],
    ]);
    await reconcileWith({ apply: true }, ports());
    expect(await Organization.findOne({ ownerUserId: lonely.id }).lean()).toMatchObject({ status: 'active', isTestOrg: true });
    expect(await Organization.findOne({ clerkOrgId: gone.id }).lean()).toMatchObject({ status: 'archived' });
    expect((await reconcileWith({ apply: false }, ports())).findings).toEqual([]);
  });

  it('leaves users without a test org alone when provisioning is webhook-only', async () => {
    const user = await clerk.sdk.users.createUser({ emailAddress: ['webhook-only@example.com'] });
    const report = await reconcileWith({ apply: true }, reconcilePorts({ provisionMissing: false }));
    expect(report.findings.find((f) => f.subject === user.id)).toMatchObject({ kind: 'user-without-test-org', fixed: false });
    expect(await Organization.findOne({ ownerUserId: user.id }).lean()).toBeNull();
  });
});
