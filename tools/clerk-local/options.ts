// The emulator's public shapes: what startClerkLocal takes and returns.
import type { FapiOptions } from './fapi';
import type { FaultClock, Faults, FaultConfig } from './faults';
import type { Outbox } from './outbox';
import type { RequestLog } from './requests';
import type { MintedSession, MintSessionOptions } from './sessions';
import type { RateLimitSetting, Settings } from './settings';
import type { ClerkStore } from './store';
import type { DeliveryOptions, WebhookDeliveries } from './webhooks';

export type ClerkLocalOptions = {
  /** 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (the publishable key needs a host with a dot). */
  host?: string;
  /** Where webhooks go; none → events queue up until `deliveries.setUrl()`. */
  webhookUrl?: string | null;
  /**
   * The application's URL (Clerk dashboard: home URL). Invitations created
   * without `redirect_url` link to its `/sign-up` with the ticket, where
   * Clerk would link to its Account Portal. Default: the webhook URL's origin.
   */
  appUrl?: string | null;
  /** `whsec_...`; default: persisted or new. */
  webhookSecret?: string;
  /** `sk_test_...`; default: persisted or new. */
  secretKey?: string;
  /** Persist keys and data here (JSON snapshot); in memory only when absent. */
  dataDir?: string;
  faults?: FaultConfig;
  /** The clock of injected faults (latency, the fault rate-limit window); tests pass a manual one. Default: real time. */
  faultClock?: FaultClock;
  /**
   * Instance settings as in Clerk's dashboard (settings.ts); each defaults to
   * off. `rateLimit` counts per window of `perSeconds`.
   */
  settings?: { membershipRequired?: boolean; emailVerification?: boolean; rateLimit?: RateLimitSetting | false };
  /** Webhook delivery tuning: retryScale, timeoutMs, concurrency, duplicateRate, reorderRate, paused. */
  delivery?: Omit<DeliveryOptions, 'url' | 'secret' | 'instanceId'>;
  /** Frontend API behaviour: email code at sign-up, token lifetime. */
  frontendApi?: FapiOptions;
  /** Keep parsed response bodies in the request log (contract tests). */
  recordResponses?: boolean;
  /** Diagnostic lines (unexpected errors); default: none. */
  log?: (line: string) => void;
};

export type ClerkLocal = {
  url: string;
  port: number;
  secretKey: string;
  publishableKey: string;
  /** PEM public key for CLERK_JWT_KEY (networkless token verification). */
  jwtKey: string;
  webhookSecret: string;
  instanceId: string;
  store: ClerkStore;
  deliveries: WebhookDeliveries;
  faults: Faults;
  /** The live instance settings (also `GET/PATCH /__local/settings`). */
  settings: Settings;
  /** The emails Clerk would have sent (also `GET /__local/emails`). */
  outbox: Outbox;
  requests: RequestLog;
  /** Frontend API (browser) requests, kept apart from the Backend API's log. */
  frontendRequests: RequestLog;
  mintSession: (opts: MintSessionOptions) => MintedSession;
  /** The variables the app needs to use this emulator. */
  env: () => Record<string, string>;
  /** The Backend API operations emulated, as method + `/v1/...` template. */
  routes: () => { method: string; template: string }[];
  /** The Frontend API operations emulated. */
  frontendRoutes: () => { method: string; template: string }[];
  stop: () => Promise<void>;
};
