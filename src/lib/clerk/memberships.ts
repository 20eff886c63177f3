import { callClerk } from './client';

/** The user's role in the org, or null when not a member (one Backend API call). */
export async function getMembershipRole(organizationId: string, userId: string): Promise<string | null> {
  const { data } = await callClerk('get membership', (c) =>
    c.organizations.getOrganizationMembershipList({ organizationId, userId: [userId], limit: 1 }),
  );
  return data[0]?.role ?? null;
}
