import { describe, expect, it } from 'vitest';
import { clerkError, email, uniq, useEmulator } from './fixture';

const env = useEmulator();

async function orgWithAdmin() {
  const admin = await env.clerk.users.createUser({ emailAddress: [email('admin')], firstName: 'Ada' });
  const org = await env.clerk.organizations.createOrganization({ name: 'Team', slug: uniq('team'), createdBy: admin.id });
  return { admin, org };
}

describe('clerk-local memberships (real @clerk/backend)', () => {
  it('creates a membership and lists it per org (with user_id and role filters) and per user', async () => {
    const { admin, org } = await orgWithAdmin();
    const member = await env.clerk.users.createUser({ emailAddress: [email('member')] });
    const m = await env.clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: member.id, role: 'org:member' });
    expect(m.id).toMatch(/^orgmem_/);
    expect(m.role).toBe('org:member');
    expect(m.organization.id).toBe(org.id);
    expect(m.publicUserData?.identifier).toBe(member.primaryEmailAddress?.emailAddress);

    const all = await env.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(all.totalCount).toBe(2);
    const mine = await env.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id, userId: [member.id] });
    expect(mine.data.map((x) => x.publicUserData?.userId)).toEqual([member.id]);
    const admins = await env.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id, role: ['org:admin'] });
    expect(admins.data.map((x) => x.publicUserData?.userId)).toEqual([admin.id]);
    const paged = await env.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id, limit: 1, offset: 1 });
    expect(paged.totalCount).toBe(2);
    expect(paged.data).toHaveLength(1);

    const perUser = await env.clerk.users.getOrganizationMembershipList({ userId: member.id });
    expect(perUser.totalCount).toBe(1);
    expect(perUser.data[0]?.organization.slug).toBe(org.slug);
  });

  it('updates a role and deletes a membership', async () => {
    const { org } = await orgWithAdmin();
    const u = await env.clerk.users.createUser({ emailAddress: [email()] });
    await env.clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: u.id, role: 'org:member' });
    const promoted = await env.clerk.organizations.updateOrganizationMembership({ organizationId: org.id, userId: u.id, role: 'org:admin' });
    expect(promoted.role).toBe('org:admin');
    const removed = await env.clerk.organizations.deleteOrganizationMembership({ organizationId: org.id, userId: u.id });
    expect(removed.publicUserData?.userId).toBe(u.id);
    const left = await env.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id, userId: [u.id] });
    expect(left.totalCount).toBe(0);
  });

  it('refuses a second membership for the same user', async () => {
    const { admin, org } = await orgWithAdmin();
    const err = await clerkError(
      env.clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: admin.id, role: 'org:member' }),
    );
    expect(err.status).toBe(400);
    expect(err.errors[0]?.code).toBe('already_a_member_in_organization');
  });

  it('answers 404 for an unknown org, user or membership', async () => {
    const { org } = await orgWithAdmin();
    const calls = [
      () => env.clerk.organizations.getOrganizationMembershipList({ organizationId: 'org_missing' }),
      () => env.clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: 'user_missing', role: 'org:member' }),
      () => env.clerk.organizations.updateOrganizationMembership({ organizationId: org.id, userId: 'user_missing', role: 'org:admin' }),
      () => env.clerk.organizations.deleteOrganizationMembership({ organizationId: org.id, userId: 'user_missing' }),
      () => env.clerk.users.getOrganizationMembershipList({ userId: 'user_missing' }),
    ];
    for (const call of calls) {
      const err = await clerkError(call());
      expect(err.status).toBe(404);
      expect(err.errors[0]?.code).toBe('resource_not_found');
    }
  });

  it('rejects an unknown role with 422', async () => {
    const { org } = await orgWithAdmin();
    const u = await env.clerk.users.createUser({ emailAddress: [email()] });
    const err = await clerkError(env.clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: u.id, role: 'org:owner' }));
    expect(err.status).toBe(422);
  });

  it('removes a deleted user from their orgs', async () => {
    const { org } = await orgWithAdmin();
    const u = await env.clerk.users.createUser({ emailAddress: [email()] });
    await env.clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: u.id, role: 'org:member' });
    await env.clerk.users.deleteUser(u.id);
    const list = await env.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
    expect(list.data.map((m) => m.publicUserData?.userId)).not.toContain(u.id);
  });
});
