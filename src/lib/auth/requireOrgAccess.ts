import { auth } from '@clerk/nextjs/server';
import { forbidden, notFound } from 'next/navigation';
import { cache } from 'react';
import { getMembershipRole } from '@/lib/clerk';
import { dbReady, findTenantByShortName } from '@/lib/db';
import { env } from '@/lib/env';
import { cachedMembership } from './membershipCache';
import { type AccessPorts, decideOrgAccess, type OrgAccess, type OrgRole, requireRole } from './orgAccess';

const ports: AccessPorts = {
  session: async () => {
    const { userId, orgId, orgRole } = await auth();
    return { userId: userId ?? null, orgId: orgId ?? null, orgRole: orgRole ?? null };
  },
  findTenant: async (shortName) => {
    await dbReady(env().MONGODB_URI);
    return findTenantByShortName(shortName);
  },
  membership: (userId, clerkOrgId) =>
    cachedMembership(userId, clerkOrgId, async () => {
      const role = await getMembershipRole(clerkOrgId, userId);
      return role ? { role } : null;
    }),
};

// One decision per (request, org, role): a layout and its page share it.
// One look-up per (request, org): the layout and its page share it, whatever
// role each asks for; the role is applied to the shared decision.
const decideCached = cache((shortName: string) => decideOrgAccess(shortName, {}, ports));

/** The access decision for the current request (API routes map it to 401/404/403). */
export async function getOrgAccess(shortName: string, options: { role?: OrgRole } = {}): Promise<OrgAccess> {
  return requireRole(await decideCached(shortName), options.role);
}

/**
 * For pages and server actions: returns the tenant and role, or ends the
 * request — sign-in, the not-found page, or the forbidden page.
 */
export async function requireOrgAccess(shortName: string, options: { role?: OrgRole } = {}) {
  const access = await getOrgAccess(shortName, options);
  switch (access.kind) {
    case 'granted':
      return access;
    case 'signed-out':
      return (await auth()).redirectToSignIn();
    case 'not-found':
      return notFound();
    case 'forbidden':
      return forbidden();
  }
}
