import { verifyToken } from '@clerk/backend';
import { describe, expect, it } from 'vitest';
import { FakeBrowser } from './browser';
import { email, uniq, useEmulator } from './fixture';

// clerk-local configured like Clerk's dashboard (issue 11): "Membership
// required" puts a choose-organization task on a session without an org;
// setting an active org completes it; email verification asks for the code;
// the rate limit refuses the Backend API beyond it; all changeable at run time.
const env = useEmulator();
const PASSWORD = 'settings-password';

type Session = { id: string; status: string; tasks: { key: string }[] | null; last_active_token: { jwt: string } | null };
type Wrapped<T> = { response: T; client: { sessions: Session[]; last_active_session_id: string | null } | null };

async function settings(patch: Record<string, unknown>) {
  const res = await fetch(`${env.local.url}/__local/settings`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function signUp(address = email('settings')) {
  const browser = new FakeBrowser(env.local);
  await browser.createDevBrowser();
  const res = await browser.call<Wrapped<{ status: string; created_session_id: string; created_user_id: string }>>('POST', '/client/sign_ups', { email_address: address, password: PASSWORD });
  return { browser, res };
}

describe('clerk-local settings at run time', () => {
  it('reads and changes settings over /__local/settings, refusing unknown ones', async () => {
    expect(await (await fetch(`${env.local.url}/__local/settings`)).json()).toEqual({ membershipRequired: false, emailVerification: false, rateLimit: false });
    expect((await settings({ emailVerification: true })).body).toMatchObject({ emailVerification: true, membershipRequired: false });
    expect((await settings({ forceOrganizationSelection: true })).status).toBe(422);
    await settings({ emailVerification: false });
  });

  it('with membership required, a new session is pending with the choose-organization task until an org is active', async () => {
    await settings({ membershipRequired: true });
    try {
      const env1 = await new FakeBrowser(env.local).call<Record<string, Record<string, unknown>>>('GET', '/environment');
      expect(env1.body.organization_settings).toMatchObject({ force_organization_selection: true });

      const { browser, res } = await signUp();
      expect(res.body.response.status).toBe('complete');
      const session = res.body.client!.sessions[0]!;
      expect(session).toMatchObject({ status: 'pending', tasks: [{ key: 'choose-organization' }] });
      expect((await verifyToken(session.last_active_token!.jwt, { jwtKey: env.local.jwtKey })).sts).toBe('pending');

      const org = await env.clerk.organizations.createOrganization({ name: 'Task Co', slug: uniq('task-co'), createdBy: res.body.response.created_user_id });
      const touched = await browser.call<Wrapped<Session>>('POST', `/client/sessions/${session.id}/touch`, { active_organization_id: org.id, intent: 'select_org' });
      expect(touched.body.response).toMatchObject({ status: 'active', tasks: null });
      const claims = await verifyToken(touched.body.response.last_active_token!.jwt, { jwtKey: env.local.jwtKey });
      expect(claims).toMatchObject({ sts: 'active', o: { id: org.id, rol: 'admin' } });
    } finally {
      await settings({ membershipRequired: false });
    }
  });

  it('with email verification, sign-up completes only after the code, which /__local/emails shows', async () => {
    await settings({ emailVerification: true });
    try {
      const address = email('verify');
      const { browser, res } = await signUp(address);
      expect(res.body.response.status).toBe('missing_requirements');
      const id = (res.body.response as unknown as { id: string }).id;
      await browser.call('POST', `/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' });
      const mail = (await (await fetch(`${env.local.url}/__local/emails?to=${address}`)).json()) as { data: { kind: string; code: string }[] };
      expect(mail.data[0]).toMatchObject({ kind: 'verification_code', code: '424242' });
      const done = await browser.call<Wrapped<{ status: string }>>('POST', `/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: mail.data[0]!.code });
      expect(done.body.response.status).toBe('complete');
    } finally {
      await settings({ emailVerification: false });
    }
  });

  it("refuses Backend API calls beyond the rate limit with 429 and Retry-After, logged as 'rate-limit'", async () => {
    await settings({ rateLimit: { requests: 3, perSeconds: 10 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const res = await fetch(`${env.local.url}/v1/users?limit=1`, { headers: { authorization: `Bearer ${env.local.secretKey}` } });
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(env.local.requests.list().filter((r) => r.fault === 'rate-limit')).toHaveLength(2);
    } finally {
      await settings({ rateLimit: false });
    }
  });
});

describe('the invitation journey', () => {
  async function invitationLink(orgId: string, address: string, role: string) {
    await env.clerk.organizations.createOrganizationInvitation({ organizationId: orgId, emailAddress: address, role });
    const mail = (await (await fetch(`${env.local.url}/__local/emails?to=${encodeURIComponent(address)}`)).json()) as { data: { kind: string; url: string | null }[] };
    return mail.data.find((m) => m.kind === 'organization_invitation');
  }

  it('emails an invitation whose link carries a signed __clerk_ticket, and signs the invitee up with it into the org with the role', async () => {
    const admin = await env.clerk.users.createUser({ emailAddress: [email('inv-admin')] });
    const org = await env.clerk.organizations.createOrganization({ name: 'Ticket Co', slug: uniq('ticket-co'), createdBy: admin.id });
    const address = email('invitee');
    await env.clerk.organizations.createOrganizationInvitation({ organizationId: org.id, emailAddress: address, role: 'org:admin', redirectUrl: 'http://localhost:3000/en/sign-up' });
    const mail = (await (await fetch(`${env.local.url}/__local/emails?to=${encodeURIComponent(address)}`)).json()) as { data: { url: string }[] };
    const link = new URL(mail.data[0]!.url);
    expect(link.origin + link.pathname).toBe('http://localhost:3000/en/sign-up');
    expect(link.searchParams.get('__clerk_status')).toBe('sign_up');
    const ticket = link.searchParams.get('__clerk_ticket')!;

    await settings({ emailVerification: true, membershipRequired: true });
    try {
      const browser = new FakeBrowser(env.local);
      await browser.createDevBrowser();
      const started = await browser.call<Wrapped<{ id: string; status: string; email_address: string; missing_fields: string[]; unverified_fields: string[] }>>('POST', '/client/sign_ups', { strategy: 'ticket', ticket });
      // The address is the invitation's, verified by the ticket: only the password is missing.
      expect(started.body.response).toMatchObject({ status: 'missing_requirements', email_address: address, missing_fields: ['password'], unverified_fields: [] });
      const done = await browser.call<Wrapped<{ status: string; created_user_id: string }>>('PATCH', `/client/sign_ups/${started.body.response.id}`, { password: PASSWORD, strategy: 'ticket', ticket });
      expect(done.body.response.status).toBe('complete');
      // Lands in the inviting org: the session's active org, so no task is pending.
      expect(done.body.client!.sessions[0]).toMatchObject({ status: 'active', tasks: null, last_active_organization_id: org.id });
      const { data: members } = await env.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
      expect(members.find((m) => m.publicUserData?.userId === done.body.response.created_user_id)?.role).toBe('org:admin');
      const [invitation] = (await env.clerk.organizations.getOrganizationInvitationList({ organizationId: org.id })).data;
      expect(invitation?.status).toBe('accepted');
      // The ticket is spent.
      const again = await new FakeBrowser(env.local).call<{ errors: { code: string }[] }>('POST', '/client/sign_ups', { strategy: 'ticket', ticket });
      expect(again.body.errors[0]?.code).toBe('invitation_already_accepted');
    } finally {
      await settings({ emailVerification: false, membershipRequired: false });
    }
  });

  it('refuses a forged ticket', async () => {
    const browser = new FakeBrowser(env.local);
    await browser.createDevBrowser();
    const res = await browser.call<{ errors: { code: string; meta?: { param_name?: string } }[] }>('POST', '/client/sign_ups', { strategy: 'ticket', ticket: 'eyJhbGciOiJSUzI1NiJ9.eyJpaWQiOiJvcmdpbnZfeCJ9.c2ln' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]?.meta?.param_name).toBe('ticket');
  });

  it('signs an existing user in with the ticket (__clerk_status=sign_in), into the org with the role', async () => {
    const admin = await env.clerk.users.createUser({ emailAddress: [email('inv-admin2')] });
    const org = await env.clerk.organizations.createOrganization({ name: 'Existing Co', slug: uniq('existing-co'), createdBy: admin.id });
    const existing = await env.clerk.users.createUser({ emailAddress: [email('existing')] });
    const invitation = await env.clerk.organizations.createOrganizationInvitation({
      organizationId: org.id,
      emailAddress: existing.emailAddresses[0]!.emailAddress,
      role: 'org:member',
      redirectUrl: 'http://localhost:3000/en/sign-in',
    });
    const link = new URL(invitation.url!);
    expect(link.searchParams.get('__clerk_status')).toBe('sign_in');
    const browser = new FakeBrowser(env.local);
    await browser.createDevBrowser();
    const signIn = await browser.call<Wrapped<{ status: string }>>('POST', '/client/sign_ins', { strategy: 'ticket', ticket: link.searchParams.get('__clerk_ticket')! });
    expect(signIn.body.response.status).toBe('complete');
    expect(signIn.body.client!.sessions[0]).toMatchObject({ status: 'active' });
    const { data: members } = await env.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(members.find((m) => m.publicUserData?.userId === existing.id)?.role).toBe('org:member');
  });

  it('lets a signed-in user list and accept their invitation, as <OrganizationSwitcher/> does; nobody else may accept it', async () => {
    const admin = await env.clerk.users.createUser({ emailAddress: [email('inv-admin3')] });
    const org = await env.clerk.organizations.createOrganization({ name: 'Switcher Co', slug: uniq('switcher-co'), createdBy: admin.id });
    const invitee = await env.clerk.users.createUser({ emailAddress: [email('switcher')] });
    const mail = await invitationLink(org.id, invitee.emailAddresses[0]!.emailAddress, 'org:admin');
    // Neither a redirect_url nor an app URL for this emulator: Clerk would link its Account Portal; the email is still kept.
    expect(mail?.url).toBeNull();
    const [invitation] = (await env.clerk.organizations.getOrganizationInvitationList({ organizationId: org.id, status: ['pending'] })).data;

    const stranger = new FakeBrowser(env.local);
    stranger.devBrowser = env.local.mintSession({ userId: admin.id }).cookies.__clerk_db_jwt;
    expect((await stranger.call('POST', `/me/organization_invitations/${invitation!.id}/accept`)).status).toBe(404);

    const browser = new FakeBrowser(env.local);
    browser.devBrowser = env.local.mintSession({ userId: invitee.id }).cookies.__clerk_db_jwt;
    const listed = await browser.call<Wrapped<{ data: { id: string; public_organization_data: { slug: string } }[] }>>('GET', '/me/organization_invitations');
    expect(listed.body.response.data.map((i) => [i.id, i.public_organization_data.slug])).toEqual([[invitation!.id, org.slug]]);
    const accepted = await browser.call<Wrapped<{ status: string }>>('POST', `/me/organization_invitations/${invitation!.id}/accept`);
    expect(accepted.body.response.status).toBe('accepted');
    const { data: members } = await env.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(members.find((m) => m.publicUserData?.userId === invitee.id)?.role).toBe('org:admin');
  });
});
