import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { clerk, createUser, signIn, withClerkFaults, withoutWebhooks } from './clerk';

test('a new user whose webhook never arrives sees "preparing" and lands in their test org without a reload', async ({
  page,
  context,
  baseURL,
}) => {
  await withoutWebhooks(async () => {
    const user = await createUser('first-visit');
    await signIn(context, baseURL!, user.id);
    let documentLoads = 0;
    page.on('domcontentloaded', () => {
      documentLoads += 1;
    });
    // Clerk is slow today: the org creation takes 1.5 s, long enough to see the waiting state.
    await withClerkFaults({ latencyMs: 1500, match: { method: 'POST', path: '/v1/organizations' } }, async () => {
      await page.goto('/en');
      await expect(page.getByTestId('preparing-workspace')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.Onboarding.title);
      await expect(page).toHaveURL(/\/en\/test-\d{4,}$/, { timeout: 20_000 });
    });
    const slug = new URL(page.url()).pathname.split('/')[2]!;
    await expect(page.getByTestId('tenant-name')).toHaveText(slug);
    await expect(page.getByTestId('test-org-badge')).toHaveText(en.Tenant.testOrgBadge);
    await expect(page.getByTestId('tenant-role')).toContainText(en.Tenant.roleAdmin);
    expect(documentLoads).toBe(1);
    expect((await clerk.users.getUser(user.id)).publicMetadata.newTenantSlug).toBe(slug);
  });
});

test('a signed-in user with a ready test org goes straight from / into it', async ({ page, context, baseURL }) => {
  const user = await createUser('returning');
  await expect.poll(async () => (await clerk.users.getUser(user.id)).publicMetadata.newTenantSlug, { timeout: 20_000 }).toBeTruthy();
  const slug = String((await clerk.users.getUser(user.id)).publicMetadata.newTenantSlug);
  await signIn(context, baseURL!, user.id);
  await page.goto('/de');
  await expect(page).toHaveURL(new RegExp(`/de/${slug}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test("a non-member typing another tenant's URL gets the not-found page", async ({ page, context, baseURL }) => {
  const owner = await createUser('owner');
  await expect.poll(async () => (await clerk.users.getUser(owner.id)).publicMetadata.newTenantSlug, { timeout: 20_000 }).toBeTruthy();
  const slug = String((await clerk.users.getUser(owner.id)).publicMetadata.newTenantSlug);
  const stranger = await createUser('stranger');
  await signIn(context, baseURL!, stranger.id);
  const response = await page.goto(`/en/${slug}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  // Exactly what an unknown org looks like: the org's existence is not revealed.
  const unknown = await page.goto('/en/no-such-org-here');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
});
