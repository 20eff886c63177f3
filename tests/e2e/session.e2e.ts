import { request as playwrightRequest } from '@playwright/test';
import { cookieHeader, mintSessionOverHttp } from '../helpers/clerkSession';
import { createUser } from './clerk';
import { expect, test } from './fixtures';
import { E2E_CLERK_SECRET_KEY, E2E_CLERK_URL } from './localConfig';

// A session minted by clerk-local is what auth() sees in the app's routes;
// an expired or tampered token is not.
async function post(baseURL: string, cookie: string) {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie } });
  try {
    const response = await context.post('/api/onboarding/workspace');
    return { status: response.status(), body: (await response.json()) as { status: string; shortName?: string } };
  } finally {
    await context.dispose();
  }
}

const mint = (userId: string, extra: { ttlSeconds?: number } = {}) =>
  mintSessionOverHttp({ apiUrl: E2E_CLERK_URL, secretKey: E2E_CLERK_SECRET_KEY, userId, ...extra });

test('auth() in a route sees the user of a minted session', async ({ baseURL }) => {
  const user = await createUser('route-auth');
  const session = await mint(user.id);
  const answer = await post(baseURL!, cookieHeader(session));
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ status: 'ready', shortName: expect.stringMatching(/^test-\d{4,}$/) });
});

test('an expired session token is refused', async ({ baseURL }) => {
  const user = await createUser('expired');
  const session = await mint(user.id, { ttlSeconds: 1 });
  // Past the token's exp and Clerk's 5 s clock-skew allowance.
  await new Promise((resolve) => setTimeout(resolve, 7_000));
  expect((await post(baseURL!, cookieHeader(session))).status).toBe(401);
});

test('a tampered session token is refused', async ({ baseURL }) => {
  const user = await createUser('tampered');
  const victim = await createUser('victim');
  const session = await mint(user.id);
  const [header, payload, signature] = session.token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: victim.id })).toString('base64url');
  const tampered = { ...session, cookies: { ...session.cookies, __session: `${header}.${forged}.${signature}` } };
  expect((await post(baseURL!, cookieHeader(tampered))).status).toBe(401);
});
