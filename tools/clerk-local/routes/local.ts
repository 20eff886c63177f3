// Emulator-only endpoints under /__local: logs, fault and delivery control,
// session minting for browsers and out-of-process tests, uploaded images.
import { jsonBody, optInt, optString, reqString } from '../body';
import { errors } from '../errors';
import type { Faults, FaultConfig } from '../faults';
import type { RequestLog } from '../requests';
import type { RequestContext, Router } from '../router';
import type { MintedSession, MintSessionOptions } from '../sessions';
import type { Outbox } from '../outbox';
import { parseSettings, type Settings } from '../settings';
import { membershipJson } from '../serialize';
import type { ClerkStore } from '../store';
import type { DeliveryOptions, WebhookDeliveries } from '../webhooks';
import { changeContext } from './context';

export type LocalDeps = {
  store: ClerkStore;
  faults: Faults;
  settings: Settings;
  outbox: Outbox;
  requests: RequestLog;
  frontendRequests: RequestLog;
  deliveries: WebhookDeliveries;
  mintSession: (opts: MintSessionOptions) => MintedSession;
  /** Session minting forges a sign-in, so it wants the instance's secret key like the Backend API. */
  requireSecretKey: (ctx: RequestContext) => void;
};

// A neutral avatar, served where Clerk would point at its generated default image.
const DEFAULT_SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#c7d2fe"/></svg>',
);

export function localRoutes(r: Router, d: LocalDeps): void {
  r.get('/health', () => ({ body: { ok: true } }));

  r.get('/requests', (ctx) => {
    const q = ctx.query;
    // ?api=frontend: the browser's Frontend API calls instead of the Backend API's.
    const log = q.get('api') === 'frontend' ? d.frontendRequests : d.requests;
    const data = log.list({
      method: q.get('method') ?? undefined,
      path: q.get('path') ?? undefined,
      route: q.get('route') ?? undefined,
    });
    return { body: { data, total_count: data.length } };
  });
  r.delete('/requests', () => {
    d.requests.clear();
    d.frontendRequests.clear();
    return { status: 204 };
  });

  r.get('/faults', () => ({ body: d.faults.get() }));
  r.post('/faults', (ctx) => {
    d.faults.set(jsonBody(ctx) as FaultConfig);
    return { body: d.faults.get() };
  });
  r.patch('/faults', (ctx) => {
    d.faults.update(jsonBody(ctx) as FaultConfig);
    return { body: d.faults.get() };
  });
  r.delete('/faults', () => {
    d.faults.reset();
    return { body: d.faults.get() };
  });

  // The instance settings, like Clerk's dashboard: read, or change some and keep the others.
  r.get('/settings', () => ({ body: d.settings.get() }));
  r.patch('/settings', (ctx) => ({ body: d.settings.update(parseSettings(jsonBody(ctx))) }));

  localFixtureRoutes(r, d);
}

/** What tests read or make directly: sent emails, webhook deliveries, minted sessions, accepted invitations, images. */
function localFixtureRoutes(r: Router, d: LocalDeps): void {
  // What Clerk would have emailed (invitations with their link, verification codes), newest first; `?to=` filters.
  r.get('/emails', (ctx) => {
    const data = d.outbox.list(ctx.query.get('to') ?? undefined);
    return { body: { data, total_count: data.length } };
  });
  r.delete('/emails', () => {
    d.outbox.clear();
    return { status: 204 };
  });

  r.get('/deliveries', () => ({
    body: {
      url: d.deliveries.getUrl(),
      paused: d.deliveries.isPaused(),
      messages: d.deliveries.list().map(({ payload: _payload, ...m }) => m),
      attempts: d.deliveries.log(),
    },
  }));
  r.post('/deliveries', (ctx) => {
    d.deliveries.configure(jsonBody(ctx) as Partial<DeliveryOptions>);
    return { body: { url: d.deliveries.getUrl(), paused: d.deliveries.isPaused() } };
  });
  r.post('/deliveries/{msg_id}/redeliver', (ctx) => {
    if (!d.deliveries.redeliver(ctx.params.msg_id ?? '')) throw errors.notFound();
    return { status: 202, body: { queued: true } };
  });

  r.post('/sessions', (ctx) => {
    d.requireSecretKey(ctx);
    const b = jsonBody(ctx);
    return {
      body: d.mintSession({
        userId: reqString(b, 'user_id'),
        orgId: optString(b, 'organization_id') ?? null,
        ttlSeconds: optInt(b, 'ttl_seconds'),
        origin: optString(b, 'origin'),
      }),
    };
  });

  r.post('/invitations/{invitation_id}/accept', (ctx) => {
    d.requireSecretKey(ctx);
    const m = d.store.acceptInvitation(ctx.params.invitation_id ?? '', reqString(jsonBody(ctx), 'user_id'), changeContext(ctx));
    return { body: membershipJson(d.store.view, m) };
  });

  // Cross-origin for the app's pages: @clerk/ui loads avatars with crossorigin="anonymous".
  r.get('/images/default.svg', () => ({ raw: DEFAULT_SVG, contentType: 'image/svg+xml', headers: { 'access-control-allow-origin': '*' } }));
  r.get('/images/{image_id}', (ctx) => {
    const img = d.store.images.get(ctx.params.image_id ?? '');
    if (!img) throw errors.notFound();
    return {
      raw: img.data,
      contentType: img.content_type,
      headers: { 'cache-control': 'public, max-age=31536000, immutable', 'access-control-allow-origin': '*' },
    };
  });
}
