// The shapes of clerk-local's Svix-style webhook delivery (webhooks.ts):
// options, messages, attempts and Svix's retry schedule.

/** Svix's retry schedule: delay before attempt 1, 2, ... 8 (ms). */
export const SVIX_SCHEDULE_MS = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

export type DeliveryOptions = {
  url?: string | null;
  secret: string;
  instanceId: string;
  /** Multiplies the schedule, e.g. 0.001 turns 5 s into 5 ms. */
  retryScale?: number;
  schedule?: number[];
  /** Per-attempt timeout; Svix uses 15 s. */
  timeoutMs?: number;
  /** Attempts in flight at once (order across messages is not guaranteed, as with Clerk). */
  concurrency?: number;
  /** Share (0..1) of messages delivered a second time after success, same `svix-id`. */
  duplicateRate?: number;
  /** Share (0..1) of messages held back `reorderDelayMs` so later ones overtake them. */
  reorderRate?: number;
  reorderDelayMs?: number;
  /** Start paused: messages queue up until `resume()` (a laptop without a tunnel). */
  paused?: boolean;
  random?: () => number;
};

export type MessageState = 'queued' | 'held' | 'delivering' | 'retrying' | 'succeeded' | 'failed';

export type WebhookMessage = {
  id: string;
  type: string;
  payload: string;
  createdAt: number;
  state: MessageState;
  attempts: number;
  nextAttemptAt: number | null;
  /** Extra deliveries still owed by duplicate injection. */
  duplicates: number;
};

/** A message Svix still owes the endpoint, as kept on disk across a restart. */
export type PendingMessage = Pick<WebhookMessage, 'id' | 'type' | 'payload' | 'createdAt' | 'attempts' | 'nextAttemptAt' | 'duplicates'>;

export type DeliveryAttempt = {
  msgId: string;
  type: string;
  attempt: number;
  url: string;
  status: number | null;
  error: string | null;
  time: number;
  durationMs: number;
  duplicate: boolean;
};

export type EventPayload = {
  data: unknown;
  object: 'event';
  type: string;
  timestamp: number;
  instance_id: string;
  event_attributes: { http_request: { client_ip: string; user_agent: string } };
};
