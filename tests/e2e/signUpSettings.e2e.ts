import type { Page } from '@playwright/test';
import { clerk, createUser, E2E_PASSWORD, newEmail, resetClerkSettings, signIn, signUpAnyLocale, withClerkSettings } from './clerk';
import { expect, test } from './fixtures';

// One e2e server for the suite: whatever a test changed in clerk-local's settings is undone after it.
test.afterEach(() => resetClerkSettings());

// DESIGN.md §3 Onboarding under Clerk's dashboard settings as they really are
// set: sign-up lands in the user's test org whether or not "Membership
// required" is on and whether or not the email code is asked, in every locale.
// The incident this product answers came from exactly such a setting.
const CLERK_ORG_SCREENS = /create-organization|choose-organization|\/tasks\b/;
// A sign-up's whole journey takes well under this many page changes; a loop does not.
const MAX_NAVIGATIONS = 12;

/** The main frame's URLs, in order, as the person would see them change. */
function recordNavigations(page: Page): string[] {
  const visited: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
  });
  return visited;
}

function expectNoLoop(visited: string[]) {
  expect(visited.length, `navigations: ${visited.join(' → ')}`).toBeLessThanOrEqual(MAX_NAVIGATIONS);
  expect(visited.filter((path) => CLERK_ORG_SCREENS.test(path))).toEqual([]);
}

/**
 * Holds this page's first task completion (the touch that sets the active
 * org) for a few seconds, so the test can act while the session is still pending.
 */
async function holdTaskCompletion(page: Page) {
  let held = false;
  await page.route('**/v1/client/sessions/*/touch*', async (route) => {
    if (!held && (route.request().postData() ?? '').includes('active_organization_id=org_')) {
      held = true;
      await new Promise((resolve) => setTimeout(resolve, 4_000));
    }
    await route.continue().catch(() => undefined);
  });
}

async function expectInTestOrg(page: Page, locale: string): Promise<string> {
  const testOrg = new RegExp(`/${locale}/(test-\\d{4,})$`);
  await expect(page).toHaveURL(testOrg, { timeout: 30_000 });
  const slug = testOrg.exec(page.url())![1]!;
  await expect(page.getByTestId('tenant-name')).toHaveText(slug);
  return slug;
}

const MATRIX = [
  { membershipRequired: true, emailVerification: true, locale: 'en' },
  { membershipRequired: true, emailVerification: false, locale: 'de' },
  { membershipRequired: false, emailVerification: true, locale: 'fr' },
  { membershipRequired: false, emailVerification: false, locale: 'en' },
  { membershipRequired: true, emailVerification: true, locale: 'fr' },
  { membershipRequired: false, emailVerification: true, locale: 'de' },
];

for (const { membershipRequired, emailVerification, locale } of MATRIX) {
  test(`sign-up lands in the new test org (membership required ${membershipRequired ? 'on' : 'off'}, email code ${emailVerification ? 'on' : 'off'}, ${locale})`, async ({ page }) => {
    await withClerkSettings({ membershipRequired, emailVerification }, async () => {
      const visited = recordNavigations(page);
      const email = newEmail(`matrix-${locale}`);
      await signUpAnyLocale(page, email, { locale, emailCode: emailVerification });
      const slug = await expectInTestOrg(page, locale);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      expectNoLoop(visited);
      // Never a sign-in page on the way: a pending session is sent to the task page, not asked to sign in.
      expect(visited.filter((path) => path.includes('/sign-in'))).toEqual([]);
      if (membershipRequired) expect(visited).toContain(`/${locale}/onboarding`);
      const { data: users } = await clerk.users.getUserList({ emailAddress: [email] });
      expect(users[0]!.publicMetadata.newTenantSlug).toBe(slug);
    });
  });
}

test.describe('with membership required', () => {
  test('reloading the task page mid-task still ends in the test org', async ({ page }) => {
    await withClerkSettings({ membershipRequired: true }, async () => {
      const visited = recordNavigations(page);
      await holdTaskCompletion(page);
      await signUpAnyLocale(page, newEmail('reload'), { locale: 'de', emailCode: false });
      await expect(page).toHaveURL(/\/de\/onboarding$/, { timeout: 30_000 });
      await page.reload();
      await expectInTestOrg(page, 'de');
      expectNoLoop(visited);
    });
  });

  test('a second tab opened during the task also ends in the test org', async ({ page, context }) => {
    await withClerkSettings({ membershipRequired: true, emailVerification: true }, async () => {
      await holdTaskCompletion(page);
      await signUpAnyLocale(page, newEmail('two-tabs'), { locale: 'fr', emailCode: true });
      await expect(page).toHaveURL(/\/fr\/onboarding$/, { timeout: 30_000 });
      const second = await context.newPage();
      const visited = recordNavigations(second);
      await second.goto('/fr/onboarding');
      await expectInTestOrg(second, 'fr');
      expectNoLoop(visited);
      await page.bringToFront();
      await expectInTestOrg(page, 'fr');
    });
  });

  test('signing in again later ends in the test org without a loop', async ({ page, context }) => {
    await withClerkSettings({ membershipRequired: true }, async () => {
      const email = newEmail('again');
      await signUpAnyLocale(page, email, { locale: 'en', emailCode: false });
      const slug = await expectInTestOrg(page, 'en');

      await context.clearCookies();
      const visited = recordNavigations(page);
      await page.goto('/en/sign-in');
      await page.locator('input[name="identifier"]').fill(email);
      await page.locator('.cl-formButtonPrimary').click();
      await page.locator('input[name="password"]').fill(E2E_PASSWORD);
      await page.locator('.cl-formButtonPrimary').click();
      await expect(page).toHaveURL(new RegExp(`/en/${slug}$`), { timeout: 30_000 });
      expectNoLoop(visited);
    });
  });

  test('a pending session asking for a tenant page is sent to the task page, not to sign-in, and ends there', async ({ page, context, baseURL }) => {
    const user = await createUser('pending-deep-link');
    await expect.poll(async () => (await clerk.users.getUser(user.id)).publicMetadata.newTenantSlug, { timeout: 20_000 }).toBeTruthy();
    const slug = String((await clerk.users.getUser(user.id)).publicMetadata.newTenantSlug);
    await withClerkSettings({ membershipRequired: true }, async () => {
      // A session with no active org: pending (choose-organization) while membership is required.
      await signIn(context, baseURL!, user.id);
      const visited = recordNavigations(page);
      await page.goto(`/en/${slug}/members`);
      await expect(page).toHaveURL(new RegExp(`/en/${slug}$`), { timeout: 30_000 });
      expect(visited).toContain('/en/onboarding');
      expect(visited.filter((path) => path.includes('/sign-in'))).toEqual([]);
      expectNoLoop(visited);
    });
  });
});
