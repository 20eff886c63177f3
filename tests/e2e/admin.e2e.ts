import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { clerk, createUser, signIn, withoutWebhooks } from './clerk';
import { expect, test } from './fixtures';

test('only a platform admin sees the admin area; others get the not-found page', async ({ page, context, baseURL }) => {
  const someone = await createUser('not-admin');
  await signIn(context, baseURL!, someone.id);
  const response = await page.goto('/en/admin');
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
});

test('a platform admin sees every org and replays a failed webhook event', async ({ page, context, baseURL }) => {
  const admin = await clerk.users.createUser({ emailAddress: [`platform-${Date.now()}@example.com`], publicMetadata: { platformAdmin: true } });
  // A user deleted before their user.created arrives: that event fails for good.
  const ghost = await withoutWebhooks(async () => {
    const user = await createUser('ghost');
    await clerk.users.deleteUser(user.id);
    return user;
  });
  await expect.poll(async () => (await clerk.users.getUser(admin.id)).publicMetadata.newTenantSlug, { timeout: 20_000 }).toBeTruthy();
  const adminOrg = String((await clerk.users.getUser(admin.id)).publicMetadata.newTenantSlug);

  await signIn(context, baseURL!, admin.id);
  await page.goto('/en/admin');
  await expect(page.getByTestId('admin-orgs')).toContainText(adminOrg);
  await page.getByRole('link', { name: en.Admin.showFailed }).click();
  await expect(page).toHaveURL(/events=failed/);
  const failedSignUps = page.getByTestId('admin-event').filter({ hasText: 'user.created' });
  // The ghost's user.created may still be on its way: look again until it is logged.
  await expect
    .poll(async () => (await page.reload(), failedSignUps.count()), { timeout: 20_000 })
    .toBeGreaterThan(0);
  const row = failedSignUps.first();
  await expect(row).toContainText('failed');
  await row.getByRole('button', { name: en.Admin.replay }).click();
  await expect(row.getByTestId('replay-result')).toHaveText(en.Admin.replayed.replace('{status}', 'failed'));
  expect(ghost.id).toMatch(/^user_/);
});
