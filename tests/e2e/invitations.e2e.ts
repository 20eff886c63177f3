import en from '../../src/i18n/messages/en.json' with { type: 'json' };
import { adminOnNewOrg, clerk, createUser, E2E_PASSWORD, lastEmailTo, newEmail, resetClerkSettings, signIn, withClerkSettings } from './clerk';
import { expect, test } from './fixtures';

// One e2e server for the suite: whatever a test changed in clerk-local's settings is undone after it.
test.afterEach(() => resetClerkSettings());

// DESIGN.md §3 Onboarding: "An invited person lands in the org that invited
// them (their test org still exists)". The invitation goes out as Clerk sends
// it (a link with `__clerk_ticket`, kept at clerk-local's /__local/emails);
// the invitee opens it in a fresh browser and signs up with Clerk's <SignUp/>.

for (const membershipRequired of [false, true]) {
  test(`an invitee signs up from the members page's invitation and lands in the inviting org with the invited role (membership required ${membershipRequired ? 'on' : 'off'})`, async ({
    page,
    context,
    baseURL,
    browser,
  }) => {
    const { org, slug } = await adminOnNewOrg({ page, context, baseURL: baseURL! }, { user: 'inviting-admin', name: 'Inviting Co', slugPrefix: 'invite', path: 'members' });

    const invitee = newEmail('invitee');
    await page.getByTestId('invite-email').fill(invitee);
    await page.getByRole('button', { name: en.Members.invite }).click();
    await expect(page.getByTestId('invitation')).toContainText(invitee);
    const email = await lastEmailTo(invitee);
    expect(email?.kind).toBe('organization_invitation');
    expect(email?.url).toContain('__clerk_ticket=');

    await withClerkSettings({ membershipRequired, emailVerification: true }, async () => {
      const fresh = await browser.newContext({ baseURL });
      const inviteePage = await fresh.newPage();
      try {
        await inviteePage.goto(email!.url!);
        // The address comes from the invitation and is verified by it: only a password is asked, no email code.
        await expect(inviteePage.locator('input[name="password"]')).toBeVisible({ timeout: 20_000 });
        await inviteePage.locator('input[name="password"]').fill(E2E_PASSWORD);
        await inviteePage.locator('.cl-formButtonPrimary').click();
        await expect(inviteePage).toHaveURL(new RegExp(`/en/${slug}$`), { timeout: 30_000 });
        await expect(inviteePage.getByTestId('tenant-role')).toContainText(en.Tenant.roleMember);
      } finally {
        await fresh.close();
      }
    });

    // Clerk holds the membership with the invited role; the invitee's own test org exists as for anyone.
    const { data: users } = await clerk.users.getUserList({ emailAddress: [invitee] });
    const { data: memberships } = await clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(memberships.find((m) => m.publicUserData?.userId === users[0]!.id)?.role).toBe('org:member');
    await expect.poll(async () => (await clerk.users.getUser(users[0]!.id)).publicMetadata.newTenantSlug, { timeout: 20_000 }).toMatch(/^test-\d{4,}$/);

    // The inviter sees them as a member, and the invitation as accepted, no longer pending.
    await page.goto(`/en/${slug}/members`);
    await expect(page.getByTestId('member').filter({ hasText: invitee })).toHaveCount(1);
    await expect(page.getByTestId('invitation').filter({ hasText: invitee })).toHaveCount(0);
    await expect(page.getByTestId('past-invitation').filter({ hasText: invitee }).getByTestId('invitation-status')).toHaveText(
      en.Members.statuses.accepted,
    );
  });
}

test('a signed-in user accepts an invitation through Clerk\'s Frontend API and joins the inviting org with its role', async ({ baseURL, browser }) => {
  const admin = await createUser('inviter-existing');
  const slug = `join-${Date.now().toString(36)}`;
  const org = await clerk.organizations.createOrganization({ name: 'Join Co', slug, createdBy: admin.id });
  const member = await createUser('existing-invitee');
  const address = member.emailAddresses[0]!.emailAddress;
  const invitation = await clerk.organizations.createOrganizationInvitation({ organizationId: org.id, emailAddress: address, role: 'org:admin', inviterUserId: admin.id });
  expect(invitation.url).toContain('__clerk_status=sign_in');

  const fresh = await browser.newContext({ baseURL });
  const page = await fresh.newPage();
  try {
    // Signed in already (any session), the person accepts through Clerk's Frontend API as <OrganizationSwitcher/> does.
    await signIn(fresh, baseURL!, member.id);
    await page.goto('/en');
    await page.waitForFunction(() => Boolean((window as unknown as { Clerk?: { loaded: boolean; user: unknown } }).Clerk?.user));
    const accepted = await page.evaluate(async (id) => {
      const clerkJs = (window as unknown as { Clerk: { user: { getOrganizationInvitations: () => Promise<{ data: { id: string; accept: () => Promise<{ status: string }> }[] }> } } }).Clerk;
      const { data } = await clerkJs.user.getOrganizationInvitations();
      const mine = data.find((i) => i.id === id);
      return mine ? (await mine.accept()).status : 'not-listed';
    }, invitation.id);
    expect(accepted).toBe('accepted');
    await expect
      .poll(async () => (await clerk.organizations.getOrganizationMembershipList({ organizationId: org.id })).data.find((m) => m.publicUserData?.userId === member.id)?.role)
      .toBe('org:admin');
  } finally {
    await fresh.close();
  }
});
