import { errors } from '../errors';
import { pageFrom, strParam } from '../query';
import type { Router } from '../router';
import { invitationJson, membershipJson, orgJson } from '../serialize';
import type { InvitationRecord } from '../records';
import type { ClerkStore } from '../store';

const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'];

type Dated = { created_at: number; seq: number };

/**
 * Newest first unless `+created_at` (Clerk's default order for these
 * listings), sorted once per store change: a bulk reader asks for 20 pages of
 * a 10,000-row listing at once, and sorting it again for each page cost ~5 ms
 * a page (~100 ms of clerk-local's time in each 10,000-org export).
 */
function byCreated<T extends Dated>(store: ClerkStore, records: () => Map<string, T>): (orderBy?: string) => readonly T[] {
  let cache: { version: number; size: number; asc: T[]; desc?: T[] } | undefined;
  return (orderBy = '-created_at') => {
    const map = records();
    if (cache?.version !== store.version || cache.size !== map.size) {
      cache = { version: store.version, size: map.size, asc: [...map.values()].sort((a, b) => a.created_at - b.created_at || a.seq - b.seq) };
    }
    if (orderBy.startsWith('+')) return cache.asc;
    return (cache.desc ??= [...cache.asc].reverse());
  };
}

/**
 * Clerk's instance-wide listings (`GET /organization_memberships`,
 * `GET /organization_invitations`): every org's memberships or invitations in
 * one paged list, as bulk readers (CSV import and export) use them.
 */
export function instanceRoutes(r: Router, store: ClerkStore): void {
  const view = store.view;
  const memberships = byCreated(store, () => store.memberships);
  const invitations = byCreated(store, () => store.invitations);

  // The last filtered listing, kept while the store is unchanged and no pending
  // invitation in it has expired: the 20 pages of one bulk read filter once.
  let last: { key: string; version: number; size: number; validUntil: number; items: InvitationRecord[] } | undefined;
  const matching = (orderBy: string | undefined, status: string | undefined, query: string | undefined): InvitationRecord[] => {
    const key = JSON.stringify([orderBy, status, query]);
    if (last?.key === key && last.version === store.version && last.size === store.invitations.size && Date.now() < last.validUntil) return last.items;
    let validUntil = Number.POSITIVE_INFINITY;
    const items = invitations(orderBy).filter((i) => {
      i.status = store.statusOf(i);
      if (i.status === 'pending') validUntil = Math.min(validUntil, i.expires_at);
      return (!status || i.status === status) && (!query || i.email_address.includes(query));
    });
    last = { key, version: store.version, size: store.invitations.size, validUntil, items };
    return items;
  };

  r.get('/organization_memberships', (ctx) => {
    const { limit, offset } = pageFrom(ctx.query);
    const items = memberships(strParam(ctx.query, 'order_by'));
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
