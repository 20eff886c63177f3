/**
 * The organization roles the app knows (Clerk's default role keys). Clerk may
 * hold custom roles too, so a role read from Clerk stays a plain string and
 * is compared against these.
 */
export const ORG_ROLE = { admin: 'org:admin', member: 'org:member' } as const;
export type OrgRole = (typeof ORG_ROLE)[keyof typeof ORG_ROLE];
