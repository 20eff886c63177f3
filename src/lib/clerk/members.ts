import { callClerk } from './client';

export type Member = { userId: string; identifier: string; name: string; role: string; imageUrl: string | null; joinedAt: number };
type PendingInvitation = { id: string; emailAddress: string; role: string };
type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';
export type Invitation = PendingInvitation & { status: InvitationStatus; createdAt: number };

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
        imageUrl: user?.hasImage ? user.imageUrl : null,
        joinedAt: m.createdAt,
      });
    }
    if (data.length < PAGE) return members;
  }
}

/** The org's invitations of every status, newest first (the members page shows what became of each). */
export async function listInvitations(organizationId: string): Promise<Invitation[]> {
  const { data } = await callClerk('list invitations', (c) => c.organizations.getOrganizationInvitationList({ organizationId, limit: PAGE }));
  return data
    .map((i) => ({ id: i.id, emailAddress: i.emailAddress, role: i.role, status: i.status as InvitationStatus, createdAt: i.createdAt }))
    .sort((a, b) => b.createdAt - a.createdAt);
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
