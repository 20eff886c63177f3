import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { adminOnNewOrg, clerk } from './clerk';
import { expect, test } from './fixtures';

test('an admin invites someone, sees the invitation, and revokes it; Clerk holds it all', async ({ page, context, baseURL }) => {
  const { org } = await adminOnNewOrg({ page, context, baseURL: baseURL! }, { user: 'inviter', name: 'Team Co', slugPrefix: 'team', path: 'members' });
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
