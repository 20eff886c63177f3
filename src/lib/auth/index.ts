// lib/auth: the only module that reads Clerk's auth() (STYLE.md).
export { cachedMembership, invalidateMembership, type Membership } from './membershipCache';
export { decideOrgAccess, type AccessPorts, type OrgAccess, type OrgRole } from './orgAccess';
export { getOrgAccess, requireOrgAccess } from './requireOrgAccess';
export { clerkInitialState, currentUserId, headerSession } from './session';
export { isPlatformAdmin, requirePlatformAdmin } from './platformAdmin';
export { platformAdminForApi } from './platformAdminApi';
