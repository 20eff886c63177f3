// lib/clerk: the only module that calls Clerk's Backend API (STYLE.md "External systems").
export { ClerkRejectedError, ClerkUnavailableError } from './errors';
export { pingClerk } from './client';
export {
  createOrganization,
  deleteOrganization,
  deleteOrganizationLogo,
  findOrganizationBySlug,
  updateOrganization,
  updateOrganizationLogo,
} from './organizations';
export type { ClerkOrg } from './types';
export { getUserPublicMetadata, mergeUserPublicMetadata } from './users';
export { getMembershipRole } from './memberships';
export { allOrganizations, allUsers } from './listing';
export { addMember, inviteMember, listInvitations, listMembers, removeMember, revokeInvitation, setMemberRole } from './members';
export { findUserIdsByEmails, listAllMemberships, listAllOrganizations, listAllPendingInvitations, type BulkInvitation, type BulkMembership } from './bulk';
export { signedInUserOf } from './requestAuth';
