import { request as playwrightRequest } from '@playwright/test';
import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { cookieHeader, mintSessionOverHttp } from '../helpers/clerkSession';
import { adminOnNewOrg, clerk, createUser } from './clerk';
import { expect, test } from './fixtures';
import { E2E_CLERK_SECRET_KEY, E2E_CLERK_URL } from './localConfig';

// DESIGN.md §6 "Tenant page views": membership comes from the session claims
// when the org is active (no Clerk call), otherwise from one cached Backend
// API look-up per (user, org). Counted in clerk-local's request log.
const MEMBERSHIP_ROUTE = '/v1/organizations/{organization_id}/memberships';

async function membershipCalls(): Promise<number> {
  const response = await fetch(`${E2E_CLERK_URL}/__local/requests?method=GET&route=${encodeURIComponent(MEMBERSHIP_ROUTE)}`);
  return ((await response.json()) as { total_count: number }).total_count;
}

async function signedInAs(baseURL: string, userId: string, orgId?: string) {
  const session = await mintSessionOverHttp({ apiUrl: E2E_CLERK_URL, secretKey: E2E_CLERK_SECRET_KEY, userId, orgId, ttlSeconds: 3600 });
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: cookieHeader(session) } });
}

test('100 views of the active org cost no Clerk call; 100 views of another org cost one', async ({ baseURL }) => {
  const admin = await createUser('counted');
  const slug = `counted-${Date.now().toString(36)}`;
  const org = await clerk.organizations.createOrganization({ name: 'Counted', slug, createdBy: admin.id });
  const newTenantSlug = async () => (await clerk.users.getUser(admin.id)).publicMetadata.newTenantSlug;
  await expect.poll(newTenantSlug, { timeout: 20_000 }).toBeTruthy();
  const testOrg = String(await newTenantSlug());

  const withActiveOrg = await signedInAs(baseURL!, admin.id, org.id);
  // The organization.created webhook adopts the org; wait for it.
  await expect.poll(async () => (await withActiveOrg.get(`/en/${slug}`)).status(), { timeout: 20_000 }).toBe(200);

  const before = await membershipCalls();
  for (let i = 0; i < 100; i += 1) expect((await withActiveOrg.get(`/en/${slug}`)).status()).toBe(200);
  expect(await membershipCalls()).toBe(before);

  for (let i = 0; i < 100; i += 1) expect((await withActiveOrg.get(`/en/${testOrg}`)).status()).toBe(200);
  expect(await membershipCalls()).toBe(before + 1);
  await withActiveOrg.dispose();
});

test('a mutation costs exactly one extra membership check, live, even with the org active in the session', async ({ page, context, baseURL }) => {
  const { org } = await adminOnNewOrg({ page, context, baseURL: baseURL! }, { user: 'mutating', name: 'Mutating', slugPrefix: 'mutating', path: 'settings', activeOrg: true });
  const checksOfThisOrg = async () => {
    const path = `/v1/organizations/${org.id}/memberships`;
    const response = await fetch(`${E2E_CLERK_URL}/__local/requests?method=GET&path=${encodeURIComponent(path)}`);
    return ((await response.json()) as { total_count: number }).total_count;
  };

  const before = await checksOfThisOrg();
  await page.reload();
  expect(await checksOfThisOrg()).toBe(before); // a page view: claims, no call
  await page.getByTestId('org-name-input').fill('Mutating Renamed');
  await page.getByTestId('rename-form').getByRole('button', { name: en.Settings.save }).click();
  await expect(page.getByTestId('settings-result')).toHaveText(en.Settings.saved);
  expect(await checksOfThisOrg()).toBe(before + 1);
});
