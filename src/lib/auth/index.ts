// lib/auth: the only module that reads Clerk's auth() (STYLE.md).
export { recordMembershipChange, type Membership } from '@/lib/access';
export { decideOrgAccess, type AccessOptions, type AccessPorts, type OrgAccess, type OrgRole } from './orgAccess';
export { getOrgAccess, requireOrgAccess } from './requireOrgAccess';
export { clerkInitialState, currentUserId, headerSession } from './session';
export { decidePlatformAdmin, isPlatformAdmin, requirePlatformAdmin } from './platformAdmin';
export { platformAdminForApi } from './platformAdminApi';
export { signedInSession, taskSession, type TaskSession } from './pendingSession';
export { platformAdminOfRequest } from './platformAdminOfRequest';
