// lib/auth: the only module that reads Clerk's auth() (STYLE.md).
export { recordMembershipChange } from '@/lib/access';
export { getOrgAccess, requireOrgAccess } from './requireOrgAccess';
export { clerkInitialState, headerSession } from './session';
export { requirePlatformAdmin } from './platformAdmin';
export { platformAdminForApi } from './platformAdminApi';
export { signedInSession, taskSession } from './pendingSession';
export { platformAdminOfRequest } from './platformAdminOfRequest';
