import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { clerk, newEmail, signInInBrowser, signUpInBrowser } from './clerk';
import { expect, test } from './fixtures';

// DESIGN.md §1 and §3 Onboarding, in a real browser: Clerk's own <SignUp/>,
// <SignIn/> and <UserButton/> (clerk-js + @clerk/ui served by clerk-local),
// the real handshake, the real user.created webhook.
const TEST_ORG = /\/en\/(test-\d{4,})$/;
const CLERK_ORG_SCREENS = /create-organization|choose-organization|\/tasks\b/;

test('a person signs up with email and password and lands in their new test org, never on a Clerk org screen', async ({ page }) => {
  const visited: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });
  const email = newEmail('signup');
  await signUpInBrowser(page, email);
  await expect(page).toHaveURL(TEST_ORG, { timeout: 30_000 });
  const slug = TEST_ORG.exec(page.url())![1]!;
  await expect(page.getByTestId('tenant-name')).toHaveText(slug);
  await expect(page.getByTestId('tenant-role')).toContainText(en.Tenant.roleAdmin);

  // ClerkProvider's signUpFallbackRedirectUrl sent the browser to `/` first.
  expect(visited.map((url) => new URL(url).pathname)).toContain('/en');
  expect(visited.filter((url) => CLERK_ORG_SCREENS.test(url))).toEqual([]);
  await expect(page.getByText(/create organization/i)).toHaveCount(0);

  // The user is a Clerk user like any other: the Backend API sees them, with their test org.
  const { data: users } = await clerk.users.getUserList({ emailAddress: [email] });
  expect(users).toHaveLength(1);
  expect(users[0]!.publicMetadata.newTenantSlug).toBe(slug);
});

test('a person who signed up signs in again with their email and password', async ({ page, context }) => {
  const email = newEmail('signin');
  await signUpInBrowser(page, email);
  await expect(page).toHaveURL(TEST_ORG, { timeout: 30_000 });
  const slug = TEST_ORG.exec(page.url())![1]!;

  await context.clearCookies();
  await signInInBrowser(page, email);
  await expect(page).toHaveURL(new RegExp(`/en/${slug}$`), { timeout: 30_000 });
  await expect(page.getByTestId('tenant-name')).toHaveText(slug);
});

test('a wrong password is refused on the sign-in form', async ({ page, context }) => {
  const email = newEmail('wrong-password');
  await signUpInBrowser(page, email);
  await expect(page).toHaveURL(TEST_ORG, { timeout: 30_000 });

  await context.clearCookies();
  await signInInBrowser(page, email, 'not-the-password');
  await expect(page.getByTestId('form-feedback-error')).toHaveText('Password is incorrect. Try again, or use another method.');
  await expect(page).toHaveURL(/\/en\/sign-in/);
});

test('signing out from the UserButton lands on the sign-out page, signed out', async ({ page }) => {
  await signUpInBrowser(page, newEmail('signout'));
  await expect(page).toHaveURL(TEST_ORG, { timeout: 30_000 });

  await page.getByRole('button', { name: /open user (button|menu)/i }).click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/event\/sign-out$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.SignOut.title);

  // Signed out for the server too: a tenant page now asks for a sign-in.
  await page.goto('/en/some-tenant');
  await expect(page).toHaveURL((url) => url.pathname === '/en/sign-in');
});
