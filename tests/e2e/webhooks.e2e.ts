import { expect, test } from './fixtures';
import { clerk, createUser } from './clerk';

test('clerk-local delivers user.created to the running app, which provisions the test org', async () => {
  const user = await createUser('webhook');
  // Nothing here calls the app: only Clerk's (signed, asynchronous) webhook does.
  await expect
    .poll(async () => (await clerk.users.getUser(user.id)).publicMetadata.newTenantSlug, { timeout: 20_000 })
    .toMatch(/^test-\d{4,}$/);
  const slug = String((await clerk.users.getUser(user.id)).publicMetadata.newTenantSlug);
  const org = await clerk.organizations.getOrganization({ slug });
  expect(org.name).toBe(slug);
  const { data: members } = await clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
  expect(members.map((m) => [m.publicUserData?.userId, m.role])).toEqual([[user.id, 'org:admin']]);
});
