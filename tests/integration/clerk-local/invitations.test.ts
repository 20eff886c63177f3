import { describe, expect, it } from 'vitest';
import { clerkError, email, uniq, useEmulator } from './fixture';

const env = useEmulator();

async function org() {
  const admin = await env.clerk.users.createUser({ emailAddress: [email('admin')], firstName: 'Ada' });
  const o = await env.clerk.organizations.createOrganization({ name: 'Inv', slug: uniq('inv'), createdBy: admin.id });
  return { admin, org: o };
}

describe('clerk-local organization invitations (real @clerk/backend)', () => {
  it('creates a pending invitation with the inviter', async () => {
    const { admin, org: o } = await org();
    const address = email('invitee');
    const inv = await env.clerk.organizations.createOrganizationInvitation({
      organizationId: o.id,
      emailAddress: address,
      role: 'org:admin',
      inviterUserId: admin.id,
    });
    expect(inv.id).toMatch(/^orginv_/);
    expect(inv.status).toBe('pending');
    expect(inv.emailAddress).toBe(address);
    expect(inv.role).toBe('org:admin');
    expect(inv.organizationId).toBe(o.id);
  });

  it('lists invitations with a status filter and revokes one', async () => {
    const { org: o } = await org();
    const a = await env.clerk.organizations.createOrganizationInvitation({ organizationId: o.id, emailAddress: email(), role: 'org:member' });
    const b = await env.clerk.organizations.createOrganizationInvitation({ organizationId: o.id, emailAddress: email(), role: 'org:member' });
    const revoked = await env.clerk.organizations.revokeOrganizationInvitation({ organizationId: o.id, invitationId: a.id });
    expect(revoked.status).toBe('revoked');

    const pending = await env.clerk.organizations.getOrganizationInvitationList({ organizationId: o.id, status: ['pending'] });
    expect(pending.data.map((i) => i.id)).toEqual([b.id]);
    expect(pending.totalCount).toBe(1);
    const all = await env.clerk.organizations.getOrganizationInvitationList({ organizationId: o.id });
    expect(all.totalCount).toBe(2);
    const got = await env.clerk.organizations.getOrganizationInvitation({ organizationId: o.id, invitationId: a.id });
    expect(got.status).toBe('revoked');

    const again = await clerkError(env.clerk.organizations.revokeOrganizationInvitation({ organizationId: o.id, invitationId: a.id }));
    expect(again.status).toBe(400);
  });

  it('refuses to invite an existing member', async () => {
    const { admin, org: o } = await org();
    const err = await clerkError(
      env.clerk.organizations.createOrganizationInvitation({
        organizationId: o.id,
        emailAddress: admin.primaryEmailAddress?.emailAddress ?? '',
        role: 'org:member',
      }),
    );
    expect(err.status).toBe(400);
    expect(err.errors[0]?.code).toBe('already_a_member_in_organization');
  });

  it('accepting an invitation (emulator-only endpoint) creates the membership', async () => {
    const { org: o } = await org();
    const address = email('joiner');
    const inv = await env.clerk.organizations.createOrganizationInvitation({ organizationId: o.id, emailAddress: address, role: 'org:member' });
    const user = await env.clerk.users.createUser({ emailAddress: [address] });
    const res = await fetch(`${env.local.url}/__local/invitations/${inv.id}/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.local.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: user.id }),
    });
    expect(res.status).toBe(200);
    const list = await env.clerk.organizations.getOrganizationMembershipList({ organizationId: o.id, userId: [user.id] });
    expect(list.data[0]?.role).toBe('org:member');
    const got = await env.clerk.organizations.getOrganizationInvitation({ organizationId: o.id, invitationId: inv.id });
    expect(got.status).toBe('accepted');
  });

  it('answers 404 for an unknown org or invitation', async () => {
    const { org: o } = await org();
    for (const call of [
      () => env.clerk.organizations.createOrganizationInvitation({ organizationId: 'org_missing', emailAddress: email(), role: 'org:member' }),
      () => env.clerk.organizations.getOrganizationInvitationList({ organizationId: 'org_missing' }),
      () => env.clerk.organizations.revokeOrganizationInvitation({ organizationId: o.id, invitationId: 'orginv_missing' }),
    ]) {
      expect((await clerkError(call())).status).toBe(404);
    }
  });
});
