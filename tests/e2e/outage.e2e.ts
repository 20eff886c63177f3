import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { clerk, createUser, signIn, withClerkFaults } from './clerk';
import { expect, test } from './fixtures';

test('a Clerk outage during the membership check shows a clear error page, never the tenant', async ({ page, context, baseURL }) => {
  const admin = await createUser('outage-admin');
  const member = await createUser('outage-member');
  const slug = `outage-${Date.now().toString(36)}`;
  const org = await clerk.organizations.createOrganization({ name: 'Secret Co', slug, createdBy: admin.id });
  await clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: member.id, role: 'org:member' });
  await signIn(context, baseURL!, member.id); // no active org: the check needs Clerk's Backend API
  await withClerkFaults({ rate5xx: 1, status5xx: 503, match: { method: 'GET', path: '/v1/organizations/*/memberships' } }, async () => {
    // Wait for the org's adoption (organization.created webhook), then look.
    await expect.poll(async () => (await page.goto(`/en/${slug}`))?.status(), { timeout: 30_000 }).toBe(500);
    await expect(page.getByTestId('error-page')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.Error.title);
    // The page shows nothing of the tenant (the header's org switcher may list the person's own orgs, from Clerk).
    await expect(page.getByRole('main').getByText('Secret Co')).toHaveCount(0);
  });
  await page.goto(`/en/${slug}`);
  await expect(page.getByTestId('tenant-name')).toHaveText('Secret Co');
});
