// What <UserButton/> and <OrganizationSwitcher/> read about the signed-in user.
import type { Router } from '../router';
import type { Fapi } from './context';
import { formErrors } from './formErrors';
import { changeContext } from '../routes/context';
import { fapiUserJson, meInvitationJson, meMembershipJson } from './serialize';

function pageOf(query: URLSearchParams): { limit: number; offset: number } {
  const n = (k: string, d: number) => {
    const v = Number(query.get(k));
    return Number.isInteger(v) && v >= 0 && query.get(k) !== null ? v : d;
  };
  return { limit: Math.min(n('limit', 10), 500), offset: n('offset', 0) };
}

/** `paginated=true` → `{ data, total_count }`; otherwise a bare array (both shapes are in the spec). */
function list<T>(query: URLSearchParams, items: T[]) {
  const { limit, offset } = pageOf(query);
  const data = items.slice(offset, offset + limit);
  return query.get('paginated') === 'true' ? { data, total_count: items.length } : data;
}

export function meRoutes(r: Router, f: Fapi): void {
  r.get('/me', (ctx) => {
    const req = f.request(ctx);
    return f.wrap(req, fapiUserJson(f.store, f.userOf(req)));
  });

  r.get('/me/organization_memberships', (ctx) => {
    const req = f.request(ctx);
    const user = f.userOf(req);
    const memberships = f.store.listUserMemberships(user.id, { limit: 10_000, offset: 0 }).items;
    return f.wrap(req, list(ctx.query, memberships.map((m) => meMembershipJson(f.store, m))));
  });

  // The signed-in user's pending invitations (to any of their addresses), and accepting one
  // (<OrganizationSwitcher/>, or an invitation link opened while signed in).
  r.get('/me/organization_invitations', (ctx) => {
    const req = f.request(ctx);
    const user = f.userOf(req);
    const invitations = f.store.pendingInvitationsFor(user.emails.map((e) => e.email_address));
    const { limit, offset } = pageOf(ctx.query);
    return f.wrap(req, { data: invitations.slice(offset, offset + limit).map((i) => meInvitationJson(f.store, i)), total_count: invitations.length });
  });
  r.post('/me/organization_invitations/{invitation_id}/accept', (ctx) => {
    const req = f.request(ctx);
    const user = f.userOf(req);
    const invitation = f.store.invitations.get(ctx.params.invitation_id ?? '');
    // Only the invitee may accept: another user's invitation is as good as unknown.
    if (!invitation || !user.emails.some((e) => e.email_address === invitation.email_address)) throw formErrors.notFound();
    f.store.acceptInvitation(invitation.id, user.id, changeContext(ctx));
    return f.wrap(req, meInvitationJson(f.store, invitation));
  });
  // Tenantry uses no domain suggestions: always empty.
  r.get('/me/organization_suggestions', (ctx) => {
    const req = f.request(ctx);
    f.userOf(req);
    return f.wrap(req, { data: [], total_count: 0 });
  });

  r.get('/organizations/{organization_id}', (ctx) => {
    const req = f.request(ctx);
    const user = f.userOf(req);
    const org = f.store.orgs.get(ctx.params.organization_id ?? '');
    const m = org ? f.store.findMembership(org.id, user.id) : undefined;
    if (!m) throw formErrors.notFound();
    return f.wrap(req, meMembershipJson(f.store, m).organization);
  });
}
