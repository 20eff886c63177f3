// The cache module itself, not lib/auth's index: that one pulls in Clerk's
// server-only auth(), which the webhook path (and its tests) must not load.
import { invalidateMembership } from '@/lib/auth/membershipCache';
import {
  adoptCreatedOrg,
  applyOrgUpdate,
  archiveDeletedOrg,
  type OrgSyncPorts,
  type ProvisioningPorts,
  provisionTestOrg,
  retireTestOrgOf,
} from '@/lib/tenants';
import type { ParsedEvent } from './events';

/** One handler per event type Tenantry acts on (DESIGN.md §3 "Other events"). */
export function createDispatch(ports: { provisioning: ProvisioningPorts; orgSync: OrgSyncPorts }) {
  return async (event: ParsedEvent): Promise<'processed' | 'ignored'> => {
    switch (event.type) {
      case 'user.created':
        await provisionTestOrg(event.data.id, ports.provisioning);
        return 'processed';
      case 'user.deleted':
        return retireTestOrgOf(event.data.id, ports.orgSync);
      case 'organization.created':
        return adoptCreatedOrg(event.data, ports.orgSync);
      case 'organization.updated':
        return applyOrgUpdate(event.data, ports.orgSync);
      case 'organization.deleted':
        return archiveDeletedOrg(event.data.id, ports.orgSync);
      case 'organizationMembership.created':
      case 'organizationMembership.updated':
      case 'organizationMembership.deleted':
        invalidateMembership(event.data.clerkOrgId, event.data.userId);
        return 'processed';
    }
  };
}
