import type { Page } from '@playwright/test';
import { clerk, createUser, newEmail, signUpInBrowser } from '../e2e/clerk';
import { expect, test } from '../e2e/fixtures';

// The README's pictures: a person signs up, lands in their test org, then
// runs a customer org (members, invitations, settings) and the admin area.
const OUT = 'docs/screenshots';
const TEST_ORG = /\/en\/(test-\d{4,})$/;

async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: false });
}

test.use({ viewport: { width: 1200, height: 760 } });

test('screenshot tour', async ({ page }) => {
  await page.goto('/en');
  await shot(page, 'landing');

  await page.goto('/fr/sign-up');
  await expect(page.locator('.cl-rootBox')).toBeVisible({ timeout: 20_000 });
  await shot(page, 'sign-up-fr');

  const email = newEmail('ada.lovelace');
  await signUpInBrowser(page, email);
  await expect(page).toHaveURL(TEST_ORG, { timeout: 30_000 });
  await expect(page.getByTestId('tenant-name')).toBeVisible();
  await shot(page, 'dashboard-test-org');

  // A customer org the new user runs, with colleagues and invitations.
  const [user] = (await clerk.users.getUserList({ emailAddress: [email] })).data;
  await clerk.users.updateUser(user!.id, { firstName: 'Ada', lastName: 'Lovelace', publicMetadata: { platformAdmin: true } });
  const slug = `northwind-${Date.now().toString(36)}`;
  const org = await clerk.organizations.createOrganization({ name: 'Northwind Traders', slug, createdBy: user!.id });
  for (const [firstName, lastName, role] of [['Grace', 'Hopper', 'org:admin'], ['Alan', 'Turing', 'org:member'], ['Katherine', 'Johnson', 'org:member']] as const) {
    const colleague = await createUser(firstName.toLowerCase());
    await clerk.users.updateUser(colleague.id, { firstName, lastName });
    await clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: colleague.id, role });
  }
  await clerk.organizations.createOrganizationInvitation({ organizationId: org.id, emailAddress: 'margaret.hamilton@example.com', role: 'org:member', inviterUserId: user!.id });
  await clerk.organizations.createOrganizationInvitation({ organizationId: org.id, emailAddress: 'edsger.dijkstra@example.com', role: 'org:admin', inviterUserId: user!.id });

  await expect.poll(async () => (await page.goto(`/en/${slug}/members`))?.status(), { timeout: 20_000 }).toBe(200);
  await expect(page.getByTestId('member')).toHaveCount(4);
  await shot(page, 'members');

  await page.getByTestId('invite-email').fill('margaret.hamilton@example.com');
  await page.getByTestId('invite-submit').click();
  await expect(page.getByTestId('invite-error')).toBeVisible();
  await shot(page, 'members-already-invited');

  await page.getByTestId('member').filter({ hasText: 'Alan Turing' }).getByRole('button').last().click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await shot(page, 'members-confirm-remove');
  await page.keyboard.press('Escape');

  await page.goto(`/de/${slug}/settings`);
  await shot(page, 'settings-de');

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`/en/${slug}`);
  await shot(page, 'dashboard-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.goto('/en/admin');
  await shot(page, 'admin');
});
