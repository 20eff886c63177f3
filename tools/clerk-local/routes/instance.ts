import { errors } from '../errors';
import { pageFrom, strParam } from '../query';
import type { Router } from '../router';
import { invitationJson, membershipJson, orgJson } from '../serialize';
import type { InvitationRecord, MembershipRecord } from '../records';
import type { ClerkStore } from '../store';
import { sortRecords } from '../store/state';

const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'];

/**
 * The last answer of a listing, kept while the store is unchanged (and, for
 * invitations, until a pending one in it expires): a bulk reader asks for 20
 * pages of a 10,000-row listing at once, and sorting and filtering it again
 * for each page cost ~5 ms a page (~100 ms of each 10,000-org export).
 */
function lastListing<T>(store: ClerkStore, size: () => number) {
  let last: { key: string; version: number; size: number; validUntil: number; items: T[] } | undefined;
  return (key: string, list: () => { items: T[]; validUntil?: number }): T[] => {
    if (last?.key === key && last.version === store.version && last.size === size() && Date.now() < last.validUntil) return last.items;
    const { items, validUntil = Number.POSITIVE_INFINITY } = list();
    last = { key, version: store.version, size: size(), validUntil, items };
    return items;
  };
}

/**
 * Clerk's instance-wide listings (`GET /organization_memberships`,
 * `GET /organization_invitations`): every org's memberships or invitations in
 * one paged list, as bulk readers (CSV import and export) use them.
 */
export function instanceRoutes(r: Router, store: ClerkStore): void {
  const view = store.view;
  const memberships = lastListing<MembershipRecord>(store, () => store.memberships.size);
  const invitations = lastListing<InvitationRecord>(store, () => store.invitations.size);

  const matching = (orderBy: string | undefined, status: string | undefined, query: string | undefined) =>
    invitations(JSON.stringify([orderBy, status, query]), () => {
      let validUntil = Number.POSITIVE_INFINITY;
      const items = [...store.invitations.values()].filter((i) => {
        i.status = store.statusOf(i);
        if (i.status === 'pending') validUntil = Math.min(validUntil, i.expires_at);
        return (!status || i.status === status) && (!query || i.email_address.includes(query));
      });
      return { items: sortRecords(items, orderBy), validUntil };
    });

  r.get('/organization_memberships', (ctx) => {
    const { limit, offset } = pageFrom(ctx.query);
    const orderBy = strParam(ctx.query, 'order_by');
    const items = memberships(String(orderBy), () => ({ items: sortRecords([...store.memberships.values()], orderBy) }));
    return { body: { data: items.slice(offset, offset + limit).map((m) => membershipJson(view, m)), total_count: items.length } };
  });

  r.get('/organization_invitations', (ctx) => {
    const { limit, offset } = pageFrom(ctx.query);
    const status = strParam(ctx.query, 'status');
    if (status && !INVITATION_STATUSES.includes(status)) throw errors.paramInvalid('status', `status must be one of ${INVITATION_STATUSES.join(', ')}.`);
    const query = strParam(ctx.query, 'query')?.toLowerCase();
    const items = matching(strParam(ctx.query, 'order_by'), status, query);
    const data = items.slice(offset, offset + limit).map((i) => {
      const org = view.org(i.organization_id);
      const orgData = org ? orgJson(view, org) : null;
      return {
        ...invitationJson(view, i),
        ...(orgData ? { public_organization_data: { id: orgData.id, name: orgData.name, slug: orgData.slug, image_url: orgData.image_url, has_image: orgData.has_image } } : {}),
      };
    });
    return { body: { data, total_count: items.length } };
  });
}
