import { expect, test } from './fixtures';

// These redirects come from src/middleware.ts alone: they are the proof that
// Next loads the middleware from beside src/app (DESIGN.md §4).
const guarded = [
  { path: '/en/some-tenant', signIn: '/en/sign-in' },
  { path: '/en/admin', signIn: '/en/sign-in' },
  { path: '/de/onboarding', signIn: '/de/sign-in' },
  { path: '/fr/some-tenant/settings', signIn: '/fr/sign-in' },
];

for (const { path, signIn } of guarded) {
  test(`a signed-out visit to ${path} lands on ${signIn}`, async ({ page, baseURL }) => {
    await page.goto(path);
    await expect(page).toHaveURL((url) => url.pathname === signIn);
    const back = new URL(page.url()).searchParams.get('redirect_url');
    expect(back && new URL(back).pathname).toBe(path);
    await expect(page.getByTestId('sign-in')).toBeAttached();
    expect(baseURL).toBeTruthy();
  });
}

test('public pages are not redirected', async ({ page }) => {
  for (const path of ['/en', '/en/sign-up', '/en/event/sign-out']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page).toHaveURL((url) => url.pathname === path);
  }
});

test('the middleware authenticates requests with Clerk', async ({ request }) => {
  const response = await request.get('/en', { maxRedirects: 0 });
  expect(response.headers()['x-clerk-auth-status']).toBe('signed-out');
});
