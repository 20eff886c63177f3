import type { Tenant, ClerkSyncChanges } from '@/lib/domain';

/** The org as an `organization.updated` event reports it. */
export type ClerkOrgState = {
  slug: string;
  name: string;
  /** `image_url` when `has_image`, else null. */
  logoUrl: string | null;
  updatedAt: Date;
};

export type OrgUpdateDecision =
  | { kind: 'ignore'; reason: 'stale' | 'archived' }
  | {
      kind: 'apply';
      /** Corrections to send to Clerk (MongoDB wins). */
      clerk: { slug?: string; name?: string; deleteLogo?: true };
      /** Changes to write to MongoDB, always including the applied `clerkUpdatedAt`. */
      db: ClerkSyncChanges;
    };

/**
 * DESIGN.md §3 `organization.updated`: stale events are ignored; a changed
 * slug is rolled back; a test org's name and logo are locked; other orgs'
 * name and logo are synced. A correction comes back as another event that
 * finds nothing left to correct, so there is no loop.
 */
export function decideOrgUpdate(event: ClerkOrgState, tenant: Tenant): OrgUpdateDecision {
  if (tenant.status === 'archived') return { kind: 'ignore', reason: 'archived' };
  if (tenant.clerkUpdatedAt && event.updatedAt < tenant.clerkUpdatedAt) return { kind: 'ignore', reason: 'stale' };

  const clerk: { slug?: string; name?: string; deleteLogo?: true } = {};
  const db: ClerkSyncChanges = { clerkUpdatedAt: event.updatedAt };

  if (event.slug !== tenant.shortName) clerk.slug = tenant.shortName;
  if (tenant.isTestOrg) {
    // The canonical name of a test org is its shortName.
    if (event.name !== tenant.shortName) clerk.name = tenant.shortName;
    if (event.logoUrl !== null) clerk.deleteLogo = true;
  } else {
    if (event.name !== tenant.name) db.name = event.name;
    if (event.logoUrl !== tenant.logoUrl) db.logoUrl = event.logoUrl;
  }
  return { kind: 'apply', clerk, db };
}
