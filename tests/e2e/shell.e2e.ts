import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import fr from '../../src/i18n/messages/fr.json' with { type: 'json' };
import { clerk, createUser, E2E_PASSWORD, newEmail, signIn } from './clerk';
import { expect, test } from './fixtures';
import { customerOrg, hydrationErrors, openAs } from './world';

// Issue 15: one shell for every page, a header that is right from the first
// byte, no hydration errors, no blank page after sign-up.

test('the 403 page has the header, the styles and a title', async ({ page, context, baseURL }) => {
  const { member, slug } = await customerOrg('forbidden');
  await openAs(page, context, baseURL!, member.id, `/en/${slug}`);
  const response = await page.goto(`/en/${slug}/settings`);
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByTestId('brand')).toBeVisible();
  await expect(page).toHaveTitle(en.Forbidden.title);
  const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(font).not.toMatch(/^"?(Times|serif)/i);
});

test('not-found pages have the header and a title, in the page language', async ({ page }) => {
  const response = await page.goto('/fr/event/nothing-here');
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByTestId('brand')).toBeVisible();
  await expect(page).toHaveTitle(fr.NotFound.title);
});

test('the favicon and the app icon are served', async ({ request }) => {
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toContain('image/');
  expect((await request.get('/icon.svg')).status()).toBe(200);
});

test('a signed-in person never sees the signed-out header, from the first byte on', async ({ page, context, baseURL }) => {
  const user = await createUser('header');
  await expect.poll(async () => (await clerk.users.getUser(user.id)).publicMetadata.newTenantSlug, { timeout: 20_000 }).toBeTruthy();
  const slug = String((await clerk.users.getUser(user.id)).publicMetadata.newTenantSlug);
  await signIn(context, baseURL!, user.id);
  // Records whether the sign-in link is ever in the document, from parsing on.
  await page.addInitScript(() => {
    const w = window as unknown as { __signedOutHeaderSeen: boolean };
    w.__signedOutHeaderSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="header-sign-in"]')) w.__signedOutHeaderSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
  const hydration = hydrationErrors(page);
  for (const path of [`/en/${slug}`, '/en/event/sign-out', `/en/${slug}`]) {
    const response = await page.goto(path);
    const html = await response!.text();
    expect(html).toContain('data-signed-in="true"');
    expect(html).not.toContain('data-testid="header-sign-in"');
    await expect(page.getByTestId('user-menu')).toBeVisible();
    await expect(page.locator('.cl-userButtonTrigger')).toBeVisible({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { __signedOutHeaderSeen: boolean }).__signedOutHeaderSeen)).toBe(false);
  }
  expect(hydration).toEqual([]);
});

test('pages hydrate without errors, again and again', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const { admin, slug } = await customerOrg('hydrate');
  const hydration = hydrationErrors(page);
  for (let i = 0; i < 5; i++) {
    await page.goto('/en');
    await page.goto('/de/sign-in');
    await expect(page.locator('.cl-rootBox')).toBeVisible({ timeout: 20_000 });
  }
  // Signed in, in a browser of its own (a minted session, not the signed-out client above).
  const signedIn = await browser.newContext();
  const tenantPage = await signedIn.newPage();
  hydrationErrors(tenantPage, hydration);
  await openAs(tenantPage, signedIn, baseURL!, admin.id, `/en/${slug}`);
  for (let i = 0; i < 5; i++) {
    for (const path of [`/en/${slug}`, `/fr/${slug}/members`, `/de/${slug}/settings`]) {
      await tenantPage.goto(path);
      await expect(tenantPage.locator('.cl-userButtonTrigger')).toBeVisible({ timeout: 20_000 });
    }
  }
  await signedIn.close();
  expect(hydration).toEqual([]);
});

test('someone in several orgs switches between them from the header', async ({ page, context, baseURL }) => {
  const { member, slug } = await customerOrg('switch-a');
  const other = await customerOrg('switch-b');
  await clerk.organizations.createOrganizationMembership({ organizationId: other.org.id, userId: member.id, role: 'org:admin' });
  await openAs(page, context, baseURL!, member.id, `/en/${slug}`);
  await expect.poll(async () => (await page.goto(`/en/${other.slug}`))?.status(), { timeout: 20_000 }).toBe(200);
  await page.goto(`/en/${slug}`);
  await expect(page.locator('.cl-userButtonTrigger')).toBeVisible({ timeout: 20_000 });
  const switcher = page.getByTestId('org-switcher');
  await expect(switcher).toHaveValue(slug, { timeout: 20_000 });
  await switcher.selectOption(other.slug);
  await expect(page).toHaveURL(new RegExp(`/en/${other.slug}$`));
  await expect(page.getByTestId('tenant-name')).toHaveText(`switch-b GmbH`);
});

test('someone in one org sees no org switcher', async ({ page, context, baseURL }) => {
  const loner = await createUser('loner');
  await expect.poll(async () => (await clerk.users.getUser(loner.id)).publicMetadata.newTenantSlug, { timeout: 20_000 }).toBeTruthy();
  const own = String((await clerk.users.getUser(loner.id)).publicMetadata.newTenantSlug);
  await openAs(page, context, baseURL!, loner.id, `/en/${own}`);
  await expect(page.locator('.cl-userButtonTrigger')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('org-switcher')).toHaveCount(0);
});

test('light and dark follow the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/en');
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(dark).not.toBe(light);
});

test('after the last sign-up click the page is never blank: the card, then "preparing your workspace", then the dashboard', async ({ page }) => {
  await page.goto('/en/sign-up');
  await page.getByLabel('Email address').fill(newEmail('no-blank'));
  await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
  // From the click on, every animation frame checks that <main> shows something.
  await page.evaluate(() => {
    const w = window as unknown as { __blankFrames: number; __frames: number };
    w.__blankFrames = 0;
    w.__frames = 0;
    const check = () => {
      const main = document.querySelector('main');
      w.__frames += 1;
      // Blank: no text in <main>, not even the busy label it shows while empty.
      const label = main ? getComputedStyle(main, '::before').content : 'none';
      if (!main || (main.innerText.trim() === '' && (label === 'none' || label === 'normal'))) w.__blankFrames += 1;
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/test-\d{4,}$/, { timeout: 30_000 });
  await expect(page.getByTestId('tenant-name')).toBeVisible();
  const { blank, frames } = await page.evaluate(() => {
    const w = window as unknown as { __blankFrames: number; __frames: number };
    return { blank: w.__blankFrames, frames: w.__frames };
  });
  expect(frames).toBeGreaterThan(0);
  expect(blank).toBe(0);
});
