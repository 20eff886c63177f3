// startClerkLocal: the Clerk emulator's HTTP server. Groups: /v1 (Backend API,
// secret key required), the Frontend API under the same /v1 prefix (browser
// requests, see fapi/index.ts), /npm (the clerk-js and @clerk/ui bundles) and
// /__local (emulator controls).
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { errors } from './errors';
import { cookieSuffix } from './fapi/cookies';
import { frontendApi } from './fapi';
import { type FaultClock, Faults } from './faults';
import type { ClerkLocal, ClerkLocalOptions } from './options';
import { type InstanceKeys, newInstanceKeys, publishableKey, type SigningKey, signingKey } from './keys';
import { Outbox } from './outbox';
import { loadState, type PersistedState, saveState } from './persist';
import { InstanceRateLimit } from './rateLimit';
import { RequestLog } from './requests';
import { listen } from './listen';
import { Router, type RequestContext } from './router';
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
  const keys = instanceKeys(options, persisted);
  const key = signingKey(keys);
  // Known once the server listens; everything that needs it reads it through a function.
  const addr = { baseUrl: '', pk: '' };

  const { deliveries, outbox, store, persistence } = openStore(options, keys, key, persisted, () => addr.baseUrl);
  const { faults, settings, rateLimit } = instanceControls(options);
  const requests = new RequestLog();
  const mint = (opts: MintSessionOptions) => mintSession(store, key, addr.baseUrl, opts, settings.get());
  const requireSecretKey = secretKeyCheck(keys.secretKey);

  const bapi = backendApi(store, key);

  const fapi = frontendApiOf(options, { store, key, keys, addr, settings, outbox });

  const local = new Router('/__local');
  localRoutes(local, { store, faults, settings, outbox, requests, frontendRequests: fapi.requests, deliveries, mintSession: mint, requireSecretKey });

  const guard = { faults, faultClock: options.faultClock ?? realClock, rateLimit, requireSecretKey };
  const server = await listen({ bapi, fapi, local, guard, requests, log, baseUrl: () => addr.baseUrl, recordResponses: options.recordResponses ?? false }, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' || host === 'localhost' ? '127.0.0.1' : host;
  addr.baseUrl = `http://${urlHost}:${port}`;
  addr.pk = publishableKey(urlHost, port);

  return {
    url: addr.baseUrl,
    port,
    secretKey: keys.secretKey,
    publishableKey: addr.pk,
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
    env: () => appEnv(addr.baseUrl, keys, key, addr.pk),
    stop: async () => {
      await deliveries.stop();
      persistence.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The Frontend API, which learns the instance's URL and publishable key through `addr` once the server listens. */
function frontendApiOf(
  options: ClerkLocalOptions,
  { store, key, keys, addr, settings, outbox }: { store: ClerkStore; key: SigningKey; keys: InstanceKeys; addr: { baseUrl: string; pk: string }; settings: Settings; outbox: Outbox },
) {
  return frontendApi({
    store,
    key,
    baseUrl: () => addr.baseUrl,
    publishableKey: () => addr.pk,
    cookieSuffix: () => cookieSuffix(addr.pk),
    instanceId: keys.instanceId,
    options: options.frontendApi ?? {},
    settings,
    outbox,
    // Gaps in the Frontend API must be visible even when no log is configured.
    log: options.log ?? ((line) => console.warn(line)),
  });
}

/** The store with its outbox and webhook deliveries, restored from `dataDir` when there is one, and saved there as it changes. */
function openStore(options: ClerkLocalOptions, keys: InstanceKeys, key: SigningKey, persisted: PersistedState | null, baseUrl: () => string) {
  const deliveries = new WebhookDeliveries({
    ...options.delivery,
    url: options.webhookUrl ?? null,
    secret: keys.webhookSecret,
    instanceId: keys.instanceId,
  });
  const outbox = new Outbox();
  const store = newStore(options, key, outbox, deliveries, baseUrl);
  if (persisted) store.restore(persisted.store);
  // Deliveries owed before a restart go out again (webhooks.ts).
  if (persisted?.deliveries) deliveries.restorePending(persisted.deliveries);
  const persistence = persistStore(options.dataDir, keys, store, deliveries);
  return { deliveries, outbox, store, persistence };
}

/** What tests steer: injected faults, the instance's settings, and the rate limit that follows them. */
function instanceControls(options: ClerkLocalOptions) {
  const faults = new Faults(options.faults);
  const settings = instanceSettings(options);
  const rateLimit = new InstanceRateLimit();
  rateLimit.configure(settings.get().rateLimit);
  settings.onChange((s: InstanceSettings) => rateLimit.configure(s.rateLimit));
  return { faults, settings, rateLimit };
}

function backendApi(store: ClerkStore, key: SigningKey): Router {
  const bapi = new Router('/v1');
  userRoutes(bapi, store);
  organizationRoutes(bapi, store);
  membershipRoutes(bapi, store);
  invitationRoutes(bapi, store);
  instanceRoutes(bapi, store);
  jwksRoutes(bapi, key);
  return bapi;
}

const realClock: FaultClock = { now: () => Date.now(), sleep: (ms) => sleep(ms).then(() => undefined) };

/** Persisted keys survive restarts (sessions stay valid); options override them. */
function instanceKeys(options: ClerkLocalOptions, persisted: PersistedState | null): InstanceKeys {
  return {
    ...(persisted?.keys ?? newInstanceKeys()),
    ...(options.secretKey ? { secretKey: options.secretKey } : {}),
    ...(options.webhookSecret ? { webhookSecret: options.webhookSecret } : {}),
  };
}

function newStore(options: ClerkLocalOptions, key: SigningKey, outbox: Outbox, deliveries: WebhookDeliveries, baseUrl: () => string): ClerkStore {
  const appUrl = options.appUrl ?? (options.webhookUrl ? new URL(options.webhookUrl).origin : null);
  const store = new ClerkStore({
    baseUrl,
    emit: (e) => deliveries.enqueue(e.type, e.data, e.context),
    invitationSent: (invitation, { userExists, redirectUrl }) => {
      const url = invitationLink(key, redirectUrl ?? (appUrl ? `${appUrl}/sign-up` : null), invitation, userExists);
      const org = store.orgs.get(invitation.organization_id);
      outbox.add({ to: invitation.email_address, kind: 'organization_invitation', subject: `You're invited to join ${org?.name ?? 'an organization'}`, url, code: null });
      return url;
    },
  });
  return store;
}

/** Writes the state to `dataDir` now and after changes; `flush` writes what is pending. */
function persistStore(dataDir: string | undefined, keys: InstanceKeys, store: ClerkStore, deliveries: WebhookDeliveries): { flush: () => void } {
  let saveTimer: NodeJS.Timeout | null = null;
  const save = () => {
    // Pending webhook deliveries are kept with the data, as Svix keeps them (webhooks.ts).
    if (dataDir) saveState(dataDir, { version: 1, keys, store: store.snapshot(), deliveries: deliveries.pendingSnapshot() });
  };
  if (dataDir) {
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
  return {
    flush: () => {
      if (saveTimer) clearTimeout(saveTimer);
      save();
    },
  };
}

function instanceSettings(options: ClerkLocalOptions): Settings {
  return new Settings({
    // The older option still works: it is the same instance setting.
    ...(options.frontendApi?.verifyEmailAtSignUp !== undefined ? { emailVerification: options.frontendApi.verifyEmailAtSignUp } : {}),
    ...options.settings,
  });
}

function secretKeyCheck(secretKey: string): (ctx: RequestContext) => void {
  return (ctx) => {
    const auth = ctx.headers.authorization;
    if (!auth) throw errors.headerMissing();
    if (auth !== `Bearer ${secretKey}`) throw errors.keyInvalid();
  };
}

function appEnv(baseUrl: string, keys: InstanceKeys, key: SigningKey, pk: string): Record<string, string> {
  return {
    CLERK_API_URL: baseUrl,
    CLERK_SECRET_KEY: keys.secretKey,
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: pk,
    // One line without newlines: survives .env files and `export` alike, and
    // @clerk/backend's loadClerkJwkFromPem strips newlines anyway.
    CLERK_JWT_KEY: key.publicPem.replace(/\r?\n/g, ''),
    CLERK_WEBHOOK_SIGNING_SECRET: keys.webhookSecret,
  };
}
