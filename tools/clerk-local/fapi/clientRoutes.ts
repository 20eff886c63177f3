// The browser's client and its sessions: read, sign out (end, remove, delete
// the client), session tokens and `touch` (clerk.setActive({ organization })).
import { ClerkApiError, errors } from '../errors';
import type { SessionRecord } from '../records';
import type { RequestContext, Router } from '../router';
import { type Fapi, type FapiRequest, signedOut } from './context';
import { clientSessions, sessionJson } from './serialize';

/** `organization_id` / `active_organization_id` as clerk-js sends it: '' (or 'null') is the personal account. */
function orgParam(f: Fapi, session: SessionRecord, raw: string | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === '' || raw === 'null') return null;
  const org = [...f.store.orgs.values()].find((o) => o.id === raw || o.slug === raw);
  if (!org || !f.store.findMembership(org.id, session.user_id)) {
    throw new ClerkApiError(404, [
      { code: 'resource_not_found', message: 'not found', long_message: `${raw} is not an organization this user belongs to.`, meta: { param_name: 'organization_id' } },
    ]);
  }
  return org.id;
}

function sessionOfClient(f: Fapi, req: FapiRequest, id: string): SessionRecord {
  const s = f.store.sessions.get(id);
  if (!s || s.client_id !== req.client.id) throw errors.notFound();
  return s;
}

function signOutAll(f: Fapi, req: FapiRequest): void {
  for (const s of clientSessions(f.store, req.client)) {
    s.status = 'ended';
    s.updated_at = f.store.now();
  }
  req.client.session_ids = [];
  req.client.last_active_session_id = null;
  req.client.sign_in = null;
  req.client.sign_up = null;
  f.clientChanged(req.client);
}

export function clientRoutes(r: Router, f: Fapi): void {
  const read = (ctx: RequestContext) => {
    const req = f.request(ctx);
    return f.wrap(req, f.clientJson(req), { withClient: false });
  };
  r.get('/client', read);
  r.put('/client', read);
  r.post('/client', read);
  r.delete('/client', (ctx) => {
    const req = f.request(ctx);
    signOutAll(f, req);
    return f.wrap(req, f.clientJson(req), { withClient: false });
  });

  clientSessionRoutes(r, f);
}

/** The client's sessions: sign out of all, read one, its tokens, touch (set the active org), end and remove. */
function clientSessionRoutes(r: Router, f: Fapi): void {
  r.delete('/client/sessions', (ctx) => {
    const req = f.request(ctx);
    signOutAll(f, req);
    return f.wrap(req, f.clientJson(req), { withClient: false });
  });

  r.get('/client/sessions/{session_id}', (ctx) => {
    const req = f.request(ctx);
    return f.wrap(req, sessionJson(f.store, sessionOfClient(f, req, ctx.params.session_id ?? ''), f.sessionView(req)));
  });

  r.post('/client/sessions/{session_id}/tokens', (ctx) => {
    const req = f.request(ctx);
    const s = sessionOfClient(f, req, ctx.params.session_id ?? '');
    if (s.status !== 'active' || s.expire_at <= Date.now()) throw signedOut();
    const orgId = orgParam(f, s, req.params.organization_id);
    return {
      body: { object: 'token', jwt: f.mintToken(s, f.originOf(ctx), orgId) },
      headers: req.cookies.length ? { 'set-cookie': req.cookies } : undefined,
    };
  });

  r.post('/client/sessions/{session_id}/touch', (ctx) => {
    const req = f.request(ctx);
    const s = sessionOfClient(f, req, ctx.params.session_id ?? '');
    if (s.status !== 'active') throw signedOut();
    const orgId = orgParam(f, s, req.params.active_organization_id);
    if (orgId !== undefined) s.last_active_organization_id = orgId;
    s.updated_at = f.store.now();
    req.client.last_active_session_id = s.id;
    f.store.touched();
    return f.wrap(req, sessionJson(f.store, s, f.sessionView(req)));
  });

  const end = (status: 'ended' | 'removed') => (ctx: RequestContext) => {
    const req = f.request(ctx);
    const s = sessionOfClient(f, req, ctx.params.session_id ?? '');
    s.status = status;
    s.updated_at = f.store.now();
    req.client.session_ids = req.client.session_ids.filter((id) => id !== s.id);
    if (req.client.last_active_session_id === s.id) req.client.last_active_session_id = null;
    f.clientChanged(req.client);
    return f.wrap(req, sessionJson(f.store, s, f.sessionView(req)));
  };
  r.post('/client/sessions/{session_id}/end', end('ended'));
  r.post('/client/sessions/{session_id}/remove', end('removed'));
  r.delete('/client/sessions/{session_id}', end('ended'));
}
