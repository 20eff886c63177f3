import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { adminOnNewOrg, clerk, createUser, signIn } from './clerk';
import { expect, test } from './fixtures';

// Issue 14 / DESIGN.md §7: headers on every response, redirects from the
// configured app URL, 404s instead of 500s, uploads judged by their bytes,
// over-limit bodies refused with 413. (Every e2e test also fails on any CSP
// violation: tests/e2e/fixtures.ts.)

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

function expectCommonHeaders(headers: Record<string, string>, where: string) {
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options'], where).toBe('DENY');
  // e2e runs a production build.
  expect(headers['strict-transport-security'], where).toMatch(/^max-age=\d+/);
  expect(directive(headers['content-security-policy'] ?? '', 'frame-ancestors'), where).toBe("frame-ancestors 'none'");
}

test('pages carry the security headers and a CSP with a fresh nonce per response', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ['/en', '/en/sign-in', '/en/sign-up']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expectCommonHeaders(headers, path);
    const scripts = directive(headers['content-security-policy']!, 'script-src');
    const nonce = /'nonce-([^']+)'/.exec(scripts)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    // Next puts the nonce on its own inline scripts.
    const html = await response.text();
    expect(html).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);
});

test('API routes, the webhook endpoint and redirects carry the headers too', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expectCommonHeaders(health.headers(), '/api/health');
  expect(health.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");

  const webhook = await request.post('/api/webhooks/clerk', { data: '{}' });
  expect(webhook.status()).toBe(400);
  expectCommonHeaders(webhook.headers(), '/api/webhooks/clerk');

  const redirect = await request.get('/en/admin', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectCommonHeaders(redirect.headers(), 'the sign-in redirect');
});

// Next writes loopback addresses as `localhost` in the URLs it builds; both name the app here.
const sameApp = (url: string, baseURL: string) => {
  const loopback = (u: URL) => `${u.protocol}//${u.hostname === '127.0.0.1' ? 'localhost' : u.hostname}:${u.port}`;
  return loopback(new URL(url, baseURL)) === loopback(new URL(baseURL));
};

test('X-Forwarded-Host from a client changes no redirect', async ({ request, baseURL }) => {
  const spoof = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'host=evil.example' };
  for (const path of ['/en/admin', '/en/some-tenant/settings', '/']) {
    const response = await request.get(path, { headers: spoof, maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(300);
    const location = response.headers().location ?? '';
    expect(location, path).not.toContain('evil');
    expect(sameApp(location, baseURL!), `${path} → ${location}`).toBe(true);
    const back = new URL(location, baseURL).searchParams.get('redirect_url');
    if (back) expect(sameApp(back, baseURL!), `${path} → ${back}`).toBe(true);
  }
});

test('/en/x.png is the localized 404 page, signed out or in, never a 500', async ({ page, context, baseURL }) => {
  for (const path of ['/en/x.png', '/de/x.png/settings']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByTestId('not-found')).toBeVisible();
  }
  await expect(page).toHaveTitle(/.+/);
  const user = await createUser('not-found');
  await signIn(context, baseURL!, user.id);
  const response = await page.goto('/en/x.png');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.NotFound.title);
  await expect(page).toHaveTitle(new RegExp(en.NotFound.title));
});

test('an unknown locale gives a not-found page with a title', async ({ page }) => {
  const response = await page.goto('/xx/test-0001');
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(en.NotFound.title));
});

test('a logo upload is judged by its bytes: HTML labelled image/png is refused with the message', async ({ page, context, baseURL }) => {
  const { org } = await adminOnNewOrg({ page, context, baseURL: baseURL! }, { user: 'logo', name: 'Logo Co', slugPrefix: 'logo', path: 'settings' });

  await page.getByTestId('logo-input').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>'),
  });
  await page.getByTestId('logo-form').getByRole('button', { name: en.Settings.upload }).click();
  await expect(page.getByTestId('settings-result')).toHaveText(en.Settings.errors.logoType);
  expect((await clerk.organizations.getOrganization({ organizationId: org.id })).hasImage).toBe(false);

  // A real PNG (a 1×1 pixel) goes through.
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489' +
      '0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082',
    'hex',
  );
  await page.getByTestId('logo-input').setInputFiles({ name: 'logo.bin', mimeType: 'application/octet-stream', buffer: png });
  await page.getByTestId('logo-form').getByRole('button', { name: en.Settings.upload }).click();
  await expect(page.getByTestId('settings-result')).toHaveText(en.Settings.saved);
  expect((await clerk.organizations.getOrganization({ organizationId: org.id })).hasImage).toBe(true);
});

test('a 25 MB server-action body is answered 413 with a message', async ({ request }) => {
  const response = await request.post('/en/sign-in', {
    headers: { 'next-action': '0123456789abcdef', 'content-type': 'text/plain;charset=UTF-8' },
    data: Buffer.alloc(25 * 1024 * 1024, 'a'),
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain('too large');
});
