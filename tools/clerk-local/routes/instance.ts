import { errors } from '../errors';
import { pageFrom, strParam } from '../query';
import type { Router } from '../router';
import { invitationJson, membershipJson, orgJson } from '../serialize';
import type { ClerkStore } from '../store';

const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'];

/** Newest first unless `+created_at` (Clerk's default order for these listings). */
function byCreated<T extends { created_at: number; seq: number }>(items: T[], orderBy = '-created_at'): T[] {
  const asc = orderBy.startsWith('+');
  return [...items].sort((a, b) => (asc ? 1 : -1) * (a.created_at - b.created_at || a.seq - b.seq));
}

/**
 * Clerk's instance-wide listings (`GET /organization_memberships`,
 * `GET /organization_invitations`): every org's memberships or invitations in
 * one paged list, as bulk readers (CSV import and export) use them.
 */
export function instanceRoutes(r: Router, store: ClerkStore): void {
  const view = store.view;

  r.get('/organization_memberships', (ctx) => {
    const { limit, offset } = pageFrom(ctx.query);
    const items = byCreated([...store.memberships.values()], strParam(ctx.query, 'order_by'));
    return { body: { data: items.slice(offset, offset + limit).map((m) => membershipJson(view, m)), total_count: items.length } };
  });

  r.get('/organization_invitations', (ctx) => {
    const { limit, offset } = pageFrom(ctx.query);
    const status = strParam(ctx.query, 'status');
    if (status && !INVITATION_STATUSES.includes(status)) throw errors.paramInvalid('status', `status must be one of ${INVITATION_STATUSES.join(', ')}.`);
    const query = strParam(ctx.query, 'query')?.toLowerCase();
    const matching = [...store.invitations.values()].filter((i) => {
      i.status = store.statusOf(i);
      return (!status || i.status === status) && (!query || i.email_address.includes(query));
    });
    const items = byCreated(matching, strParam(ctx.query, 'order_by'));
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
