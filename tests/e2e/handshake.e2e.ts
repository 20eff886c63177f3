import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { E2E_CLERK_URL } from './localConfig';

// A browser that has never met Clerk: clerkMiddleware (development keys, no
// dev browser) sends it through clerk-local's /v1/client/handshake, which
// comes back with the cookies the app needs. No cookie is pre-set here.
test('a fresh browser opens /en through the real handshake and gets the landing page', async ({ page, context }) => {
  expect(await context.cookies()).toEqual([]);
  const visited: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest()) visited.push(request.url());
  });
  await page.goto('/en');
  await expect(page.getByTestId('landing')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.Landing.title);
  expect(visited.some((url) => url.startsWith(`${E2E_CLERK_URL}/v1/client/handshake?`))).toBe(true);
  expect(new URL(page.url()).searchParams.has('__clerk_handshake')).toBe(false);
  const cookies = Object.fromEntries((await context.cookies()).map((c) => [c.name, c.value]));
  expect(cookies.__clerk_db_jwt).toMatch(/^dvb_/);
  expect(cookies.__client_uat).toBe('0');
});

test('clerk-js and @clerk/ui load from clerk-local and render the sign-in form', async ({ page }) => {
  const bundles: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/npm/@clerk/')) bundles.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.goto('/en/sign-in');
  await expect(page.getByLabel('Email address')).toBeVisible();
  expect(bundles).toContain('200 /npm/@clerk/clerk-js@6/dist/clerk.browser.js');
  expect(bundles).toContain('200 /npm/@clerk/ui@1/dist/ui.browser.js');
  expect(bundles.filter((b) => !b.startsWith('200 '))).toEqual([]);
});
