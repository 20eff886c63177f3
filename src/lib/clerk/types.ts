import type { Organization } from '@clerk/backend';

/** A Clerk organization as the app sees it (DESIGN.md §2: Clerk owns membership, we own the tenant). */
export type ClerkOrg = {
  id: string;
  slug: string;
  name: string;
  /** The logo, or null when the org has none (Clerk then serves a generated avatar). */
  logoUrl: string | null;
  createdBy: string | null;
  publicMetadata: Record<string, unknown>;
  updatedAt: Date;
};

export function toClerkOrg(org: Organization): ClerkOrg {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    logoUrl: org.hasImage ? org.imageUrl : null,
    createdBy: org.createdBy ?? null,
    publicMetadata: (org.publicMetadata ?? {}) as Record<string, unknown>,
    updatedAt: new Date(org.updatedAt),
  };
}
