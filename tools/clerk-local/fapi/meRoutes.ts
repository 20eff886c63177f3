// What <UserButton/> and <OrganizationSwitcher/> read about the signed-in user.
import type { Router } from '../router';
import type { Fapi } from './context';
import { formErrors } from './formErrors';
import { fapiUserJson, meMembershipJson } from './serialize';

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

  // Tenantry uses neither invitations in the UI nor domain suggestions: always empty.
  r.get('/me/organization_invitations', (ctx) => {
    const req = f.request(ctx);
    f.userOf(req);
    return f.wrap(req, { data: [], total_count: 0 });
  });
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
