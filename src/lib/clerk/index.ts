// lib/clerk: the only module that calls Clerk's Backend API (STYLE.md "External systems").
export { ClerkRejectedError, ClerkUnavailableError } from './errors';
export {
  createOrganization,
  deleteOrganization,
  deleteOrganizationLogo,
  findOrganizationBySlug,
  getOrganization,
  updateOrganization,
  updateOrganizationLogo,
} from './organizations';
export type { ClerkOrg } from './types';
export { getUserPublicMetadata, mergeUserPublicMetadata } from './users';
export { getMembershipRole } from './memberships';
export { allOrganizations, allUserIds } from './listing';
export { addMember, findUserIdByEmail, hasPendingInvitation, listAdminEmails, inviteMember, listInvitations, listMembers, listPendingInvitations, removeMember, revokeInvitation, setMemberRole, type Invitation, type InvitationStatus, type Member, type PendingInvitation } from './members';
