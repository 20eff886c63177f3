import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { adminOnNewOrg, clerk, createUser, signIn } from './clerk';
import { expect, test } from './fixtures';

test('an admin renames a customer org and sees the new name', async ({ page, context, baseURL }) => {
  const { org, slug } = await adminOnNewOrg({ page, context, baseURL: baseURL! }, { user: 'renamer', name: 'Old Name', slugPrefix: 'rename', path: 'settings' });

  await page.getByTestId('org-name-input').fill('New Name GmbH');
  await page.getByTestId('rename-form').getByRole('button', { name: en.Settings.save }).click();
  await expect(page.getByTestId('settings-result')).toHaveText(en.Settings.saved);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.Settings.title.replace('{name}', 'New Name GmbH'));
  await page.goto(`/en/${slug}`);
  await expect(page.getByTestId('tenant-name')).toHaveText('New Name GmbH');
  expect((await clerk.organizations.getOrganization({ organizationId: org.id })).name).toBe('New Name GmbH');
});

test("a test org's settings show its name and logo locked, with the reason", async ({ page, context, baseURL }) => {
  const user = await createUser('locked');
  await expect.poll(async () => (await clerk.users.getUser(user.id)).publicMetadata.newTenantSlug, { timeout: 20_000 }).toBeTruthy();
  const slug = String((await clerk.users.getUser(user.id)).publicMetadata.newTenantSlug);
  await signIn(context, baseURL!, user.id);
  await page.goto(`/en/${slug}/settings`);
  await expect(page.getByTestId('locked-reason')).toHaveText(en.Settings.lockedReason);
  await expect(page.getByTestId('org-name-input')).toBeDisabled();
  await expect(page.getByTestId('logo-input')).toBeDisabled();
  await expect(page.getByTestId('org-short-name')).toHaveText(slug);
});
