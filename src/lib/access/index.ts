// lib/access: the record of membership changes and the short-lived membership
// cache. Apart from lib/auth because the webhook path writes both and must not
// load Clerk's server-only auth() that lib/auth's index pulls in.
export { recordChange, recordMembershipChange } from './accessChanges';
export { cachedMembership, invalidateMembership, type Membership } from './membershipCache';
