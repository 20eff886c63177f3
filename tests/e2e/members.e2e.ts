import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { clerk, createUser, signIn } from './clerk';
import { expect, test } from './fixtures';

test('an admin invites someone, sees the invitation, and revokes it; Clerk holds it all', async ({ page, context, baseURL }) => {
  const admin = await createUser('inviter');
  const slug = `team-${Date.now().toString(36)}`;
  const org = await clerk.organizations.createOrganization({ name: 'Team Co', slug, createdBy: admin.id });
  await signIn(context, baseURL!, admin.id);
  await expect.poll(async () => (await page.goto(`/en/${slug}/members`))?.status(), { timeout: 20_000 }).toBe(200);
  await expect(page.getByTestId('member')).toHaveCount(1);

  await page.getByTestId('invite-email').fill('new.colleague@example.com');
  await page.getByRole('button', { name: en.Members.invite }).click();
  await expect(page.getByTestId('invitation')).toContainText('new.colleague@example.com');
  const { data: pending } = await clerk.organizations.getOrganizationInvitationList({ organizationId: org.id, status: ['pending'] });
  expect(pending.map((i) => i.emailAddress)).toEqual(['new.colleague@example.com']);

  await page.getByRole('button', { name: en.Members.revoke }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: en.Members.revoke }).click();
  await expect(page.getByTestId('invitation')).toHaveCount(0);
  await expect(page.getByTestId('past-invitation').getByTestId('invitation-status')).toHaveText(en.Members.statuses.revoked);
});
