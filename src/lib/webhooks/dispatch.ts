import { invalidateMembership, recordChange } from '@/lib/access';
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
      case 'user.updated':
        // Every user change makes cached answers about the user (platform admin) stale on every instance.
        await recordChange({ userId: event.data.id, clerkOrgId: null, clerkTime: event.data.updatedAt, signOut: event.data.banned });
        return 'processed';
      case 'user.deleted':
        // Recorded first: the user is refused everywhere even while retiring the test org waits for a retry.
        await recordChange({ userId: event.data.id, clerkOrgId: null, signOut: true });
        return retireTestOrgOf(event.data.id, ports.orgSync);
      case 'organization.created':
        return adoptCreatedOrg(event.data, ports.orgSync);
      case 'organization.updated':
        return applyOrgUpdate(event.data, ports.orgSync);
      case 'organization.deleted':
        return archiveDeletedOrg(event.data.id, ports.orgSync);
      case 'organizationMembership.created':
        // A grant revokes nothing: no token can hold the new org yet, and another instance's cached
        // "not a member" only delays a read for one cache period. Dropped here at once.
        invalidateMembership(event.data.clerkOrgId, event.data.userId);
        return 'processed';
      case 'organizationMembership.updated':
      case 'organizationMembership.deleted':
        // Shared through MongoDB: older claims and cached look-ups fall back to a live check on every instance.
        await recordChange({ userId: event.data.userId, clerkOrgId: event.data.clerkOrgId, clerkTime: event.data.updatedAt });
        return 'processed';
    }
  };
}
