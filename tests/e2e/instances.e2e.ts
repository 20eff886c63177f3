import { type APIRequestContext, request as playwrightRequest } from '@playwright/test';
import { cookieHeader, mintSessionOverHttp } from '../helpers/clerkSession';
import { clerk, createUser } from './clerk';
import { expect, test } from './fixtures';
import { type AppInstance, e2eDatabase, startSecondInstance } from './instances';
import { E2E_CLERK_SECRET_KEY, E2E_CLERK_URL } from './localConfig';

// DESIGN.md §3 Access, §7: revocations are shared through MongoDB, not per
// process. Two instances of the same build share MongoDB and clerk-local;
// Clerk's webhooks reach instance 1 only. Once instance 1 has processed the
// membership event, instance 2 refuses on the very next request — with the
// org active in the session token (claims) and without it (its own cache).

let second: AppInstance;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  second = await startSecondInstance();
});
test.afterAll(async () => {
  await second?.stop();
});

async function as(baseURL: string, userId: string, orgId?: string): Promise<APIRequestContext> {
  const session = await mintSessionOverHttp({ apiUrl: E2E_CLERK_URL, secretKey: E2E_CLERK_SECRET_KEY, userId, orgId, ttlSeconds: 3600 });
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: cookieHeader(session) } });
}

test('a removed member gets not-found and a demoted admin 403 on the instance that never saw the webhook', async ({ baseURL }) => {
  const [owner, claimsMember, cachedMember, admin] = [await createUser('owner'), await createUser('claims'), await createUser('cached'), await createUser('admin2')];
  const slug = `shared-${Date.now().toString(36)}`;
  const org = await clerk.organizations.createOrganization({ name: 'Shared Co', slug, createdBy: owner.id });
  await clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: claimsMember.id, role: 'org:member' });
  await clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: cachedMember.id, role: 'org:member' });
  await clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: admin.id, role: 'org:admin' });

  // On instance 2: one member with the org active in the token, one without (cached look-up), an admin with it active.
  const withClaims = await as(second.url, claimsMember.id, org.id);
  const withCache = await as(second.url, cachedMember.id);
  const adminClaims = await as(second.url, admin.id, org.id);
  const onFirst = await as(baseURL!, claimsMember.id, org.id);
  await expect.poll(async () => (await withClaims.get(`/en/${slug}`)).status(), { timeout: 20_000 }).toBe(200);
  expect((await withCache.get(`/en/${slug}`)).status()).toBe(200);
  expect((await adminClaims.get(`/en/${slug}/settings`)).status()).toBe(200);
  expect((await onFirst.get(`/en/${slug}`)).status()).toBe(200);

  const db = await e2eDatabase();
  // The stamps of these changes: no earlier than now.
  const changedFrom = Date.now();
  const processed = (userId: string) => async () =>
    (await db.accessChanges(userId)).some((c) => c.clerkOrgId === org.id && (c.changedAt as Date).getTime() >= changedFrom);
  await clerk.organizations.deleteOrganizationMembership({ organizationId: org.id, userId: claimsMember.id });
  await clerk.organizations.deleteOrganizationMembership({ organizationId: org.id, userId: cachedMember.id });
  await clerk.organizations.updateOrganizationMembership({ organizationId: org.id, userId: admin.id, role: 'org:member' });
  // Delivered to instance 1 (the web server's URL is clerk-local's webhook endpoint) and recorded in MongoDB.
  for (const user of [claimsMember, cachedMember, admin]) await expect.poll(processed(user.id), { timeout: 20_000 }).toBe(true);

  expect((await withClaims.get(`/en/${slug}`)).status()).toBe(404);
  expect((await withCache.get(`/en/${slug}`)).status()).toBe(404);
  expect((await adminClaims.get(`/en/${slug}/settings`)).status()).toBe(403);
  expect((await adminClaims.get(`/en/${slug}`)).status()).toBe(200);

  // Instance 1 answers the same.
  expect((await onFirst.get(`/en/${slug}`)).status()).toBe(404);
  await Promise.all([withClaims, withCache, adminClaims, onFirst].map((c) => c.dispose()));
  await db.close();
});
