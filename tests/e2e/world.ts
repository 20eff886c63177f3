import type { BrowserContext, Page } from '@playwright/test';
import { clerk, createUser, signIn } from './clerk';
import { expect } from './fixtures';

/** An org admin with a customer org (one other member, one pending invitation) and a plain member of it. */
export async function customerOrg(label: string) {
  // Neutral names: the translation checks read the page, people's names included.
  const admin = await createUser(`${label}-a`);
  const member = await createUser(`${label}-b`);
  await clerk.users.updateUser(member.id, { firstName: 'Mia', lastName: 'Muster' });
  const slug = `${label}-${Date.now().toString(36)}`;
  const org = await clerk.organizations.createOrganization({ name: `${label} GmbH`, slug, createdBy: admin.id });
  await clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: member.id, role: 'org:member' });
  await clerk.organizations.createOrganizationInvitation({ organizationId: org.id, emailAddress: `invited-${slug}@example.com`, role: 'org:member', inviterUserId: admin.id });
  return { admin, member, org, slug };
}

/** Signs in and waits until the webhook has adopted the org (its dashboard answers 200). */
export async function openAs(page: Page, context: BrowserContext, baseURL: string, userId: string, path: string) {
  await signIn(context, baseURL, userId);
  await expect.poll(async () => (await page.goto(path))?.status(), { timeout: 20_000 }).toBe(200);
}

/** Collects console errors about hydration (React's "Hydration failed", "didn't match"). */
export function hydrationErrors(page: Page, errors: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error' && /hydrat|did not match|didn't match/i.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/hydrat/i.test(error.message)) errors.push(error.message);
  });
  return errors;
}
