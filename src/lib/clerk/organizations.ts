import type { Organization } from '@clerk/backend';
import { callClerk } from './client';
import { ClerkRejectedError } from './errors';
import { type ClerkOrg, toClerkOrg } from './types';

export async function createOrganization(params: {
  name: string;
  slug: string;
  createdBy?: string;
  publicMetadata?: Record<string, unknown>;
}): Promise<ClerkOrg> {
  return toClerkOrg(await callClerk('create organization', (c) => c.organizations.createOrganization(params)));
}

/** The org with this slug, or null when Clerk has none. */
export function findOrganizationBySlug(slug: string): Promise<ClerkOrg | null> {
  return nullIfMissing(callClerk('get organization by slug', (c) => c.organizations.getOrganization({ slug })));
}

async function nullIfMissing(request: Promise<Organization>): Promise<ClerkOrg | null> {
  try {
    return toClerkOrg(await request);
  } catch (error) {
    if (error instanceof ClerkRejectedError && error.status === 404) return null;
    throw error;
  }
}

export async function updateOrganization(organizationId: string, params: { name?: string; slug?: string }): Promise<ClerkOrg> {
  return toClerkOrg(
    await callClerk('update organization', (c) => c.organizations.updateOrganization(organizationId, params)),
  );
}

export async function deleteOrganizationLogo(organizationId: string): Promise<ClerkOrg> {
  return toClerkOrg(await callClerk('delete organization logo', (c) => c.organizations.deleteOrganizationLogo(organizationId)));
}

/** Deletes the org in Clerk; one already gone counts as deleted. */
export async function deleteOrganization(organizationId: string): Promise<void> {
  try {
    await callClerk('delete organization', (c) => c.organizations.deleteOrganization(organizationId));
  } catch (error) {
    if (error instanceof ClerkRejectedError && error.status === 404) return;
    throw error;
  }
}

export async function updateOrganizationLogo(organizationId: string, file: Blob, uploaderUserId: string): Promise<ClerkOrg> {
  return toClerkOrg(
    await callClerk('upload organization logo', (c) => c.organizations.updateOrganizationLogo(organizationId, { file, uploaderUserId })),
  );
}
