import { callClerk } from './client';

export type Member = { userId: string; identifier: string; name: string; role: string };
export type PendingInvitation = { id: string; emailAddress: string; role: string };

const PAGE = 100;

/** The org's members (Clerk owns membership: nothing is stored in MongoDB). */
export async function listMembers(organizationId: string): Promise<Member[]> {
  const members: Member[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await callClerk('list members', (c) =>
      c.organizations.getOrganizationMembershipList({ organizationId, limit: PAGE, offset }),
    );
    for (const m of data) {
      const user = m.publicUserData;
      members.push({
        userId: user?.userId ?? '',
        identifier: user?.identifier ?? '',
        name: [user?.firstName, user?.lastName].filter(Boolean).join(' '),
        role: m.role,
      });
    }
    if (data.length < PAGE) return members;
  }
}

export async function listPendingInvitations(organizationId: string): Promise<PendingInvitation[]> {
  const { data } = await callClerk('list invitations', (c) =>
    c.organizations.getOrganizationInvitationList({ organizationId, status: ['pending'], limit: PAGE }),
  );
  return data.map((i) => ({ id: i.id, emailAddress: i.emailAddress, role: i.role }));
}

export async function inviteMember(organizationId: string, emailAddress: string, role: string, inviterUserId: string): Promise<void> {
  await callClerk('invite member', (c) =>
    c.organizations.createOrganizationInvitation({ organizationId, emailAddress, role, inviterUserId }),
  );
}

export async function setMemberRole(organizationId: string, userId: string, role: string): Promise<void> {
  await callClerk('update member role', (c) => c.organizations.updateOrganizationMembership({ organizationId, userId, role }));
}

export async function removeMember(organizationId: string, userId: string): Promise<void> {
  await callClerk('remove member', (c) => c.organizations.deleteOrganizationMembership({ organizationId, userId }));
}

export async function revokeInvitation(organizationId: string, invitationId: string, requestingUserId: string): Promise<void> {
  await callClerk('revoke invitation', (c) =>
    c.organizations.revokeOrganizationInvitation({ organizationId, invitationId, requestingUserId }),
  );
}

export async function addMember(organizationId: string, userId: string, role: string): Promise<void> {
  await callClerk('add member', (c) => c.organizations.createOrganizationMembership({ organizationId, userId, role }));
}
