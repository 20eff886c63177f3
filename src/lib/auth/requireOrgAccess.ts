import { auth } from '@clerk/nextjs/server';
import { forbidden, notFound } from 'next/navigation';
import { cache } from 'react';
import { getMembershipRole } from '@/lib/clerk';
import { findTenantByShortName } from '@/lib/db';
import { cachedMembership, type Membership } from '@/lib/access';
import { type AccessOptions, type AccessPorts, decideOrgAccess, type OrgAccess, requireRole } from './orgAccess';
import { recordedChanges, sessionFacts } from './session';

async function liveMembership(clerkOrgId: string, userId: string): Promise<Membership> {
  const role = await getMembershipRole(clerkOrgId, userId);
  return role ? { role } : null;
}

const ports: AccessPorts = {
  session: sessionFacts,
  findTenant: findTenantByShortName,
  changesOf: recordedChanges,
  membership: (userId, clerkOrgId, freshness) =>
    freshness.live
      ? liveMembership(clerkOrgId, userId)
      : cachedMembership(userId, clerkOrgId, () => liveMembership(clerkOrgId, userId), Date.now(), freshness.notBefore),
};

// One look-up per (request, org, freshness): the layout and its page share
// it, whatever role each asks for; the role is applied to the shared decision.
const decideCached = cache((shortName: string, fresh: boolean) => decideOrgAccess(shortName, { fresh }, ports));

/**
 * The one answer to "may this user do this to this org now" (DESIGN.md §3
 * Access), for layouts, pages, actions and API routes (which map it to
 * 401/404/403). `fresh: true` for anything that changes state.
 */
export async function getOrgAccess(shortName: string, options: AccessOptions = {}): Promise<OrgAccess> {
  return requireRole(await decideCached(shortName, options.fresh === true), options.role);
}

/**
 * For pages and server actions: returns the tenant and role, or ends the
 * request — sign-in, the not-found page, or the forbidden page.
 */
export async function requireOrgAccess(shortName: string, options: AccessOptions = {}) {
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
