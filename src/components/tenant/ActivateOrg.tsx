'use client';

import { useAuth, useClerk } from '@clerk/nextjs';
import { useEffect } from 'react';

/**
 * Makes the tenant being viewed the session's active Clerk org, so the next
 * requests read the role from the session token instead of asking Clerk
 * (DESIGN.md §3 Access, §6 tenant page views).
 */
export function ActivateOrg({ clerkOrgId }: { clerkOrgId: string }) {
  const { isLoaded, orgId } = useAuth();
  const clerk = useClerk();
  useEffect(() => {
    if (isLoaded && orgId !== clerkOrgId) void clerk.setActive({ organization: clerkOrgId }).catch(() => undefined);
  }, [isLoaded, orgId, clerkOrgId, clerk]);
  return null;
}
