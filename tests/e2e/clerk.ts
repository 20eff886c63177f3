import { createClerkClient } from '@clerk/backend';
import { type BrowserContext, expect, type Page } from '@playwright/test';
import { mintSessionOverHttp, playwrightCookies } from '../helpers/clerkSession';
import { E2E_CLERK_SECRET_KEY, E2E_CLERK_URL } from './localConfig';

// The e2e tests reach the web server's clerk-local over HTTP, like the app does.
export const clerk = createClerkClient({ secretKey: E2E_CLERK_SECRET_KEY, apiUrl: E2E_CLERK_URL });

let n = 0;
/** A new Clerk user (clerk-local then delivers user.created to the app, unless paused). */
export async function createUser(label = 'user') {
  n += 1;
  return clerk.users.createUser({ emailAddress: [`${label}-${Date.now()}-${n}@example.com`] });
}

/** Signs the browser in as `userId` (optionally with an active org): the cookies clerkMiddleware reads. */
export async function signIn(context: BrowserContext, baseURL: string, userId: string, orgId?: string) {
  const session = await mintSessionOverHttp({
    apiUrl: E2E_CLERK_URL,
    secretKey: E2E_CLERK_SECRET_KEY,
    userId,
    orgId,
    ttlSeconds: 3600,
    origin: baseURL,
  });
  await context.addCookies(playwrightCookies(session, baseURL));
}

async function local(path: string, body: unknown) {
  const response = await fetch(`${E2E_CLERK_URL}/__local/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${E2E_CLERK_SECRET_KEY}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`clerk-local ${path}: ${response.status} ${await response.text()}`);
}

type Browsing = { page: Page; context: BrowserContext; baseURL: string };
type NewOrg = { user: string; name: string; slugPrefix: string; path: 'members' | 'settings'; activeOrg?: boolean };

/** A new user who created a customer org, signed in and on one of its pages once the webhook has adopted the org. */
export async function adminOnNewOrg({ page, context, baseURL }: Browsing, { user, name, slugPrefix, path, activeOrg = false }: NewOrg) {
  const admin = await createUser(user);
  const slug = `${slugPrefix}-${Date.now().toString(36)}`;
  const org = await clerk.organizations.createOrganization({ name, slug, createdBy: admin.id });
  await signIn(context, baseURL, admin.id, activeOrg ? org.id : undefined);
  await expect.poll(async () => (await page.goto(`/en/${slug}/${path}`))?.status(), { timeout: 20_000 }).toBe(200);
  return { admin, org, slug };
}

/** Holds webhook deliveries back (a laptop without a tunnel) for the duration of `fn`. */
export async function withoutWebhooks<T>(fn: () => Promise<T>): Promise<T> {
  await local('deliveries', { paused: true });
  try {
    return await fn();
  } finally {
    await local('deliveries', { paused: false });
  }
}

/** True once clerk-local owes the app no webhook: every message answered (2xx) or given up. */
export async function webhooksSettled(): Promise<boolean> {
  const response = await fetch(`${E2E_CLERK_URL}/__local/deliveries`, { headers: { authorization: `Bearer ${E2E_CLERK_SECRET_KEY}` } });
  if (!response.ok) throw new Error(`clerk-local deliveries: ${response.status} ${await response.text()}`);
  const { messages } = (await response.json()) as { messages: { state: string }[] };
  return messages.every((m) => m.state === 'succeeded' || m.state === 'failed');
}

/** Fault injection on clerk-local's Backend API for the duration of `fn`. */
export async function withClerkFaults<T>(faults: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  await local('faults', faults);
  try {
    return await fn();
  } finally {
    await fetch(`${E2E_CLERK_URL}/__local/faults`, { method: 'DELETE' });
  }
}

export type ClerkSettings = { membershipRequired?: boolean; emailVerification?: boolean; rateLimit?: { requests: number; perSeconds: number } | false };

/** What the e2e server's clerk-local starts with (serve.ts): every setting off. */
const E2E_DEFAULT_SETTINGS: ClerkSettings = { membershipRequired: false, emailVerification: false, rateLimit: false };

async function patchSettings(settings: ClerkSettings): Promise<void> {
  const response = await fetch(`${E2E_CLERK_URL}/__local/settings`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`clerk-local settings: ${response.status} ${await response.text()}`);
}

/** Back to the e2e server's settings; also run after each test that changes them, in case it timed out inside. */
export function resetClerkSettings(): Promise<void> {
  return patchSettings(E2E_DEFAULT_SETTINGS);
}

/** Clerk's dashboard settings (membership required, email verification, ...) for the duration of `fn`, then the defaults again. */
export async function withClerkSettings<T>(settings: ClerkSettings, fn: () => Promise<T>): Promise<T> {
  await patchSettings(settings);
  try {
    return await fn();
  } finally {
    await resetClerkSettings();
  }
}

/** The newest email clerk-local would have sent to `to` (it keeps them at /__local/emails instead of sending). */
export async function lastEmailTo(to: string): Promise<{ kind: string; url: string | null; code: string | null } | undefined> {
  const response = await fetch(`${E2E_CLERK_URL}/__local/emails?to=${encodeURIComponent(to)}`);
  const { data } = (await response.json()) as { data: { kind: string; url: string | null; code: string | null }[] };
  return data[0];
}

/** Clerk's test-mode email code, which clerk-local accepts for every email. */
export const EMAIL_CODE = '424242';

/**
 * Clerk's <SignUp/> in any locale (fields by name, the primary button), then
 * the email code when the instance asks for one.
 */
export async function signUpAnyLocale(page: Page, email: string, { locale, emailCode }: { locale: string; emailCode: boolean }) {
  await page.goto(`/${locale}/sign-up`);
  // <SignUp/> renders again once clerk-js has the environment and client: fill the form after that.
  await page.waitForLoadState('networkidle');
  await expect(async () => {
    await page.locator('input[name="emailAddress"]').fill(email);
    await page.locator('input[name="password"]').fill(E2E_PASSWORD);
    await page.locator('.cl-formButtonPrimary').click();
    await expect(page).not.toHaveURL(new RegExp(`/${locale}/sign-up$`), { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  if (emailCode) {
    const code = page.locator('input[autocomplete="one-time-code"]').first();
    await code.waitFor();
    await code.pressSequentially(EMAIL_CODE);
  }
}

/** A password Clerk's sign-up form accepts (clerk-local's minimum is 8 characters). */
export const E2E_PASSWORD = 'tenantry-e2e-password';

/** A fresh email address for a person signing up through the browser. */
export function newEmail(label = 'person'): string {
  n += 1;
  return `${label}-${Date.now()}-${n}@example.com`;
}

/** Clerk's <SignUp/> on /{locale}/sign-up, filled and submitted as a person would (English labels). */
export async function signUpInBrowser(page: Page, email: string, password = E2E_PASSWORD, locale = 'en') {
  await page.goto(`/${locale}/sign-up`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
}

/** Clerk's <SignIn/> on /{locale}/sign-in: the identifier, then the password (English labels). */
export async function signInInBrowser(page: Page, email: string, password = E2E_PASSWORD, locale = 'en') {
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
}
