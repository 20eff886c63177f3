import { type ActiveTenant, isActiveTenant, isValidShortName, type OrgRole, type Tenant } from '@/lib/domain';
import type { Membership } from '@/lib/access';

export type OrgAccess =
  | { kind: 'granted'; tenant: ActiveTenant; userId: string; role: string }
  | { kind: 'signed-out' }
  | { kind: 'not-found' }
  | { kind: 'forbidden'; tenant: ActiveTenant; role: string };

export type AccessOptions = {
  role?: OrgRole;
  /** Decide on a live, uncached Backend API look-up: every mutation (DESIGN.md §3 Access). */
  fresh?: boolean;
};

/** The verified session: user, active org (id, slug) with its role from the claims, and when the token was issued (epoch ms). */
export type SessionFacts = { userId: string | null; orgId: string | null; orgSlug: string | null; orgRole: string | null; issuedAt: number | null };

/** Changes recorded in MongoDB by Clerk's webhooks (lib/db AccessChanges), epoch ms, 0 = none. */
export type RecordedChanges = { orgs: Record<string, number>; userChangedAt: number; signedOutAt: number };

export type AccessPorts = {
  session(): Promise<SessionFacts>;
  findTenant(shortName: string): Promise<Tenant | null>;
  changesOf(userId: string): Promise<RecordedChanges>;
  /** Membership from Clerk's Backend API: live, or from the per-process cache unless loaded before `notBefore`. */
  membership(userId: string, clerkOrgId: string, freshness: { live: true } | { live: false; notBefore: number }): Promise<Membership>;
};

/** A session issued before the user was deleted or banned is over, whatever its token says. */
export function sessionRevoked(session: SessionFacts, changes: RecordedChanges): boolean {
  return changes.signedOutAt > 0 && (session.issuedAt === null || session.issuedAt < changes.signedOutAt);
}

/**
 * DESIGN.md §3 Access: may this user do this to this org now? Unknown,
 * archived and not-a-member all answer not-found, so org names cannot be
 * probed; a member lacking the role is forbidden. Reads trust the session
 * claims for the active org (no Clerk call) unless MongoDB recorded a change
 * of this membership after the token was issued; then, and for other orgs,
 * the cached Backend API look-up (never one loaded before that change).
 * `fresh` (mutations) always asks Clerk, uncached.
 */
export async function decideOrgAccess(shortName: string, options: AccessOptions, ports: AccessPorts): Promise<OrgAccess> {
  const session = await ports.session();
  const userId = session.userId;
  if (!userId) return { kind: 'signed-out' };
  if (!isValidShortName(shortName)) return { kind: 'not-found' };
  // A mutation on the session's active org asks Clerk while MongoDB is read
  // (the claims name the org); the answer counts only if the tenant is that org.
  const early = options.fresh && session.orgId && session.orgSlug === shortName ? ports.membership(userId, session.orgId, { live: true }) : null;
  early?.catch(() => undefined);
  const [tenant, changes] = await Promise.all([ports.findTenant(shortName), ports.changesOf(userId)]);
  if (sessionRevoked(session, changes)) return { kind: 'signed-out' };
  if (!tenant || !isActiveTenant(tenant)) return { kind: 'not-found' };

  const changedAt = changes.orgs[tenant.clerkOrgId] ?? 0;
  const claimsCurrent = session.issuedAt !== null && session.issuedAt >= changedAt;
  const membership = options.fresh
    ? early && tenant.clerkOrgId === session.orgId
      ? early
      : ports.membership(userId, tenant.clerkOrgId, { live: true })
    : null;
  const role =
    !options.fresh && session.orgId === tenant.clerkOrgId && session.orgRole && claimsCurrent
      ? session.orgRole
      : ((await (membership ?? ports.membership(userId, tenant.clerkOrgId, { live: false, notBefore: changedAt })))?.role ?? null);
  if (!role) return { kind: 'not-found' };
  return requireRole({ kind: 'granted', tenant, userId, role }, options.role);
}

/** A granted decision narrowed to a role: a member lacking it is forbidden. */
export function requireRole(access: OrgAccess, role: OrgRole | undefined): OrgAccess {
  if (access.kind !== 'granted' || !role || access.role === role) return access;
  return { kind: 'forbidden', tenant: access.tenant, role: access.role };
}
