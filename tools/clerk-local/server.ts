// startClerkLocal: the Clerk emulator's HTTP server. Groups: /v1 (Backend API,
// secret key required), the Frontend API under the same /v1 prefix (browser
// requests, see fapi/index.ts), /npm (the clerk-js and @clerk/ui bundles) and
// /__local (emulator controls).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClerkApiError, errors } from './errors';
import { errorResult, readBody, send } from './http';
import { cookieSuffix } from './fapi/cookies';
import { frontendApi, isBundlePath, serveBundle } from './fapi';
import { Faults } from './faults';
import type { ClerkLocal, ClerkLocalOptions } from './options';
import { newInstanceKeys, publishableKey, signingKey } from './keys';
import { Outbox } from './outbox';
import { loadState, saveState } from './persist';
import { InstanceRateLimit } from './rateLimit';
import { RequestLog } from './requests';
import { Router, type RequestContext, type RouteResult } from './router';
import { instanceRoutes } from './routes/instance';
import { invitationRoutes } from './routes/invitations';
import { jwksRoutes } from './routes/jwks';
import { localRoutes } from './routes/local';
import { membershipRoutes } from './routes/memberships';
import { organizationRoutes } from './routes/organizations';
import { userRoutes } from './routes/users';
import { mintSession, type MintSessionOptions } from './sessions';
import { type InstanceSettings, Settings } from './settings';
import { invitationLink } from './tickets';
import { ClerkStore } from './store';
import { WebhookDeliveries } from './webhooks';

export type { ClerkLocal, ClerkLocalOptions } from './options';

export async function startClerkLocal(options: ClerkLocalOptions = {}): Promise<ClerkLocal> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const persisted = options.dataDir ? loadState(options.dataDir) : null;
  const keys = {
    ...(persisted?.keys ?? newInstanceKeys()),
    ...(options.secretKey ? { secretKey: options.secretKey } : {}),
    ...(options.webhookSecret ? { webhookSecret: options.webhookSecret } : {}),
  };
  const key = signingKey(keys);
  let baseUrl = '';

  const deliveries = new WebhookDeliveries({
    ...options.delivery,
    url: options.webhookUrl ?? null,
    secret: keys.webhookSecret,
    instanceId: keys.instanceId,
  });
  const outbox = new Outbox();
  const appUrl = options.appUrl ?? (options.webhookUrl ? new URL(options.webhookUrl).origin : null);
  const store = new ClerkStore({
    baseUrl: () => baseUrl,
    emit: (e) => deliveries.enqueue(e.type, e.data, e.context),
    invitationSent: (invitation, { userExists, redirectUrl }) => {
      const url = invitationLink(key, redirectUrl ?? (appUrl ? `${appUrl}/sign-up` : null), invitation, userExists);
      const org = store.orgs.get(invitation.organization_id);
      outbox.add({ to: invitation.email_address, kind: 'organization_invitation', subject: `You're invited to join ${org?.name ?? 'an organization'}`, url, code: null });
      return url;
    },
  });
  if (persisted) store.restore(persisted.store);
  // Deliveries owed before a restart go out again (webhooks.ts).
  if (persisted?.deliveries) deliveries.restorePending(persisted.deliveries);

  let saveTimer: NodeJS.Timeout | null = null;
  const save = () => {
    if (options.dataDir) {
      saveState(options.dataDir, { version: 1, keys, store: store.snapshot(), deliveries: deliveries.pendingSnapshot() });
    }
  };
  if (options.dataDir) {
    save();
    const saveSoon = () => {
      // Coalesce bursts of changes into one write.
      saveTimer ??= setTimeout(() => {
        saveTimer = null;
        save();
      }, 100);
    };
    store.onChange(saveSoon);
    deliveries.onChange(saveSoon);
  }

  const faults = new Faults(options.faults);
  const settings = new Settings({
    // The older option still works: it is the same instance setting.
    ...(options.frontendApi?.verifyEmailAtSignUp !== undefined ? { emailVerification: options.frontendApi.verifyEmailAtSignUp } : {}),
    ...options.settings,
  });
  const rateLimit = new InstanceRateLimit();
  rateLimit.configure(settings.get().rateLimit);
  settings.onChange((s: InstanceSettings) => rateLimit.configure(s.rateLimit));
  const requests = new RequestLog();
  const mint = (opts: MintSessionOptions) => mintSession(store, key, baseUrl, opts, settings.get());

  const requireSecretKey = (ctx: RequestContext) => {
    const auth = ctx.headers.authorization;
    if (!auth) throw errors.headerMissing();
    if (auth !== `Bearer ${keys.secretKey}`) throw errors.keyInvalid();
  };

  const bapi = new Router('/v1');
  userRoutes(bapi, store);
  organizationRoutes(bapi, store);
  membershipRoutes(bapi, store);
  invitationRoutes(bapi, store);
  instanceRoutes(bapi, store);
  jwksRoutes(bapi, key);

  let pk = '';
  const suffix = () => cookieSuffix(pk);
  const fapi = frontendApi({
    store,
    key,
    baseUrl: () => baseUrl,
    publishableKey: () => pk,
    cookieSuffix: suffix,
    instanceId: keys.instanceId,
    options: options.frontendApi ?? {},
    settings,
    outbox,
    // Gaps in the Frontend API must be visible even when no log is configured.
    log: options.log ?? ((line) => console.warn(line)),
  });

  const local = new Router('/__local');
  localRoutes(local, { store, faults, settings, outbox, requests, frontendRequests: fapi.requests, deliveries, mintSession: mint, requireSecretKey });

  async function handleBackendApi(ctx: RequestContext): Promise<RouteResult & { fault: 'rate-limit' | '429' | '5xx' | null }> {
    // Matched first so that the request log names the operation even for faulted requests.
    const match = bapi.match(ctx.method, ctx.path);
    if (match) {
      ctx.params = match.params;
      ctx.route = match.template;
    }
    const decision = faults.decide(ctx.method, ctx.path);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.error) return { ...errorResult(decision.error), fault: decision.kind };
    // The instance's own limit, after injected trouble (which stands in front of Clerk).
    const limited = rateLimit.check();
    if (limited) return { ...errorResult(limited), fault: 'rate-limit' };
    requireSecretKey(ctx);
    if (!match) throw errors.routeNotFound(ctx.method, ctx.path);
    return { ...(await match.handler(ctx)), fault: null };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const ctx: RequestContext = {
      method,
      path: url.pathname,
      url,
      query: url.searchParams,
      params: {},
      headers: req.headers,
      rawBody: raw ?? Buffer.alloc(0),
      clientIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
      userAgent: req.headers['user-agent'] ?? '',
      route: '',
    };
    const isFapi = bapi.handles(ctx.path) && fapi.claims(ctx, bapi);
    const isBapi = bapi.handles(ctx.path) && !isFapi;
    let result: RouteResult;
    let fault: 'rate-limit' | '429' | '5xx' | null = null;
    try {
      if (raw === null) throw errors.payloadTooLarge();
      if (isBundlePath(ctx.path)) {
        result = await serveBundle(method, ctx.path);
      } else if (isFapi) {
        result = await fapi.handle(ctx);
      } else if (isBapi) {
        ({ fault, ...result } = await handleBackendApi(ctx));
      } else {
        const match = local.match(method, ctx.path);
        if (!match) throw errors.routeNotFound(method, ctx.path);
        ctx.params = match.params;
        ctx.route = match.template;
        result = await match.handler(ctx);
      }
    } catch (err) {
      if (err instanceof ClerkApiError) {
        result = errorResult(err);
      } else {
        log(`clerk-local: ${method} ${ctx.path} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        result = errorResult(new ClerkApiError(500, [{ code: 'internal_clerk_error', message: 'Oops, an unexpected error occurred', long_message: 'clerk-local failed to handle this request.' }]));
      }
    }
    send(res, result);
    if (isBapi) {
      requests.add({
        time: started,
        method,
        path: ctx.path,
        route: ctx.route || null,
        query: url.search,
        status: result.status ?? 200,
        durationMs: Date.now() - started,
        fault,
        ...(options.recordResponses && !result.raw ? { response: result.body } : {}),
      });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`clerk-local: response failed: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' || host === 'localhost' ? '127.0.0.1' : host;
  baseUrl = `http://${urlHost}:${port}`;
  pk = publishableKey(urlHost, port);

  return {
    url: baseUrl,
    port,
    secretKey: keys.secretKey,
    publishableKey: pk,
    jwtKey: key.publicPem,
    webhookSecret: keys.webhookSecret,
    instanceId: keys.instanceId,
    store,
    deliveries,
    faults,
    settings,
    outbox,
    requests,
    frontendRequests: fapi.requests,
    mintSession: mint,
    routes: () => bapi.list(),
    frontendRoutes: fapi.routes,
    env: () => ({
      CLERK_API_URL: baseUrl,
      CLERK_SECRET_KEY: keys.secretKey,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: pk,
      // One line without newlines: survives .env files and `export` alike, and
      // @clerk/backend's loadClerkJwkFromPem strips newlines anyway.
      CLERK_JWT_KEY: key.publicPem.replace(/\r?\n/g, ''),
      CLERK_WEBHOOK_SIGNING_SECRET: keys.webhookSecret,
    }),
    stop: async () => {
      await deliveries.stop();
      if (saveTimer) clearTimeout(saveTimer);
      save();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
