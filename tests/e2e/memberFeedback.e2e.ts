import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { clerk } from './clerk';
import { expect, test } from './fixtures';
import { customerOrg, hydrationErrors, openAs } from './world';

// Issue 15: confirmations before remove/revoke/role changes, a toast after,
// errors that say what happened and keep what was typed.
test('inviting an already-invited address says so and keeps the address; a new one is sent with a toast', async ({ page, context, baseURL }) => {
  const { admin, slug } = await customerOrg('feedback');
  const hydration = hydrationErrors(page);
  await openAs(page, context, baseURL!, admin.id, `/en/${slug}/members`);

  const invited = `invited-${slug}@example.com`;
  await page.getByTestId('invite-email').fill(invited);
  await page.getByTestId('invite-submit').click();
  await expect(page.getByTestId('invite-error')).toHaveText(en.Members.errors['already-invited']);
  await expect(page.getByTestId('invite-email')).toHaveValue(invited);

  await page.getByTestId('invite-email').fill('brand.new@example.com');
  await page.getByTestId('invite-submit').click();
  await expect(page.getByTestId('toast')).toHaveText(en.Members.done.invite);
  await expect(page.getByTestId('invite-email')).toHaveValue('');
  await expect(page.getByTestId('invitation').filter({ hasText: 'brand.new@example.com' })).toBeVisible();
  expect(hydration).toEqual([]);
});

test('revoking an invitation asks first; cancel keeps it, confirm revokes it with a toast and shows its status', async ({ page, context, baseURL }) => {
  const { admin, org, slug } = await customerOrg('revoke');
  await openAs(page, context, baseURL!, admin.id, `/en/${slug}/members`);

  const row = page.getByTestId('invitation');
  await row.getByRole('button', { name: en.Members.revoke }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(en.Members.confirm.revokeTitle);
  await dialog.getByRole('button', { name: en.Members.confirm.cancel }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toHaveCount(1);

  await row.getByRole('button', { name: en.Members.revoke }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: en.Members.revoke }).click();
  await expect(page.getByTestId('toast')).toHaveText(en.Members.done.revoke);
  await expect(page.getByTestId('past-invitation').getByTestId('invitation-status')).toHaveText(en.Members.statuses.revoked);
  const { data } = await clerk.organizations.getOrganizationInvitationList({ organizationId: org.id, status: ['pending'] });
  expect(data).toEqual([]);
});

test('a role change and a removal each ask first, then report with a toast', async ({ page, context, baseURL }) => {
  const { admin, member, org, slug } = await customerOrg('roles');
  await openAs(page, context, baseURL!, admin.id, `/en/${slug}/members`);
  const mia = page.getByTestId('member').filter({ hasText: 'Mia Muster' });

  await mia.getByRole('button', { name: en.Members.makeAdmin }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: en.Members.makeAdmin }).click();
  await expect(page.getByTestId('toast')).toHaveText(en.Members.done['set-role']);
  await expect(mia.getByTestId('role-badge')).toHaveText(en.Members.roles.admin);

  await mia.getByRole('button', { name: en.Members.remove }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Mia Muster');
  await page.getByRole('alertdialog').getByRole('button', { name: en.Members.remove }).click();
  await expect(page.getByTestId('toast').last()).toHaveText(en.Members.done.remove);
  await expect(mia).toHaveCount(0);
  const { data } = await clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
  expect(data.map((m) => m.publicUserData?.userId)).not.toContain(member.id);
});

test('the dialogs work from the keyboard: focus moves in, Escape closes and focus returns', async ({ page, context, baseURL }) => {
  const { admin, slug } = await customerOrg('keyboard');
  await openAs(page, context, baseURL!, admin.id, `/en/${slug}/members`);
  const revoke = page.getByTestId('invitation').getByRole('button', { name: en.Members.revoke });
  await revoke.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expect(page.getByRole('alertdialog').getByRole('button', { name: en.Members.confirm.cancel })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(revoke).toBeFocused();
});
