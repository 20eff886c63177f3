import type { Tenant } from '@/lib/tenants/types';
import { isValidShortName } from '@/lib/tenants/shortName';
import type { Membership } from './membershipCache';

export type OrgRole = 'org:admin' | 'org:member';

export type OrgAccess =
  | { kind: 'granted'; tenant: Tenant; userId: string; role: string }
  | { kind: 'signed-out' }
  | { kind: 'not-found' }
  | { kind: 'forbidden'; tenant: Tenant; role: string };

export type AccessPorts = {
  /** The verified session: user, and the active org with its role from the token claims. */
  session(): Promise<{ userId: string | null; orgId: string | null; orgRole: string | null }>;
  findTenant(shortName: string): Promise<Tenant | null>;
  /** Membership from Clerk's Backend API (cached and coalesced by the caller). */
  membership(userId: string, clerkOrgId: string): Promise<Membership>;
};

/**
 * DESIGN.md §3 Access. Unknown, archived and not-a-member all answer
 * not-found, so org names cannot be probed; a member lacking the role is
 * forbidden. The active org's role comes from the session claims (no Clerk
 * call); any other org's from the Backend API.
 */
export async function decideOrgAccess(
  shortName: string,
  options: { role?: OrgRole },
  ports: AccessPorts,
): Promise<OrgAccess> {
  const session = await ports.session();
  if (!session.userId) return { kind: 'signed-out' };
  if (!isValidShortName(shortName)) return { kind: 'not-found' };
  const tenant = await ports.findTenant(shortName);
  if (!tenant || tenant.status !== 'active' || !tenant.clerkOrgId) return { kind: 'not-found' };

  const role =
    session.orgId === tenant.clerkOrgId && session.orgRole
      ? session.orgRole
      : ((await ports.membership(session.userId, tenant.clerkOrgId))?.role ?? null);
  if (!role) return { kind: 'not-found' };
  return requireRole({ kind: 'granted', tenant, userId: session.userId, role }, options.role);
}

/** A granted decision narrowed to a role: a member lacking it is forbidden. */
export function requireRole(access: OrgAccess, role: OrgRole | undefined): OrgAccess {
  if (access.kind !== 'granted' || !role || access.role === role) return access;
  return { kind: 'forbidden', tenant: access.tenant, role: access.role };
}
