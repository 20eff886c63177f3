// Svix-style webhook delivery: every store event becomes a message with its
// own `msg_` id, signed with the `whsec_` secret, delivered asynchronously
// and at least once, retried on non-2xx or timeout on Svix's schedule.
import { Webhook } from 'svix';
import { newId } from './ids';
import type { ChangeContext } from './store';

export * from './webhookTypes';
import { postSigned } from './webhookPost';
import {
  type DeliveryAttempt,
  type DeliveryOptions,
  type EventPayload,
  type PendingMessage,
  SVIX_SCHEDULE_MS,
  type WebhookMessage,
} from './webhookTypes';

export class WebhookDeliveries {
  private url: string | null;
  private readonly signer: Webhook;
  private readonly messages = new Map<string, WebhookMessage>();
  private readonly attempts: DeliveryAttempt[] = [];
  private readonly ready: { msg: WebhookMessage; duplicate: boolean }[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controllers = new Set<AbortController>();
  private inFlight = 0;
  private paused: boolean;
  private stopped = false;
  private waiters: (() => void)[] = [];
  private readonly changeListeners: (() => void)[] = [];
  private opts: Required<Omit<DeliveryOptions, 'url' | 'paused'>>;

  constructor(options: DeliveryOptions) {
    this.url = options.url ?? null;
    this.paused = options.paused ?? false;
    this.signer = new Webhook(options.secret);
    this.opts = {
      secret: options.secret,
      instanceId: options.instanceId,
      retryScale: options.retryScale ?? 1,
      schedule: options.schedule ?? SVIX_SCHEDULE_MS,
      timeoutMs: options.timeoutMs ?? 15_000,
      concurrency: options.concurrency ?? 4,
      duplicateRate: options.duplicateRate ?? 0,
      reorderRate: options.reorderRate ?? 0,
      reorderDelayMs: options.reorderDelayMs ?? 200,
      random: options.random ?? Math.random,
    };
  }

  /** Changes delivery options at runtime (shares, scale, concurrency). */
  configure(patch: Partial<Omit<DeliveryOptions, 'secret' | 'instanceId'>>): void {
    const { url, paused, ...rest } = patch;
    this.opts = { ...this.opts, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
    if (url !== undefined) this.setUrl(url);
    if (paused === true) this.pause();
    if (paused === false) this.resume();
  }

  setUrl(url: string | null): void {
    this.url = url;
    this.pump();
  }

  getUrl(): string | null {
    return this.url;
  }

  pause(): void {
    this.paused = true;
    this.settle();
  }

  resume(): void {
    this.paused = false;
    this.pump();
  }

  isPaused(): boolean {
    return this.paused;
  }

  /** Called whenever the set of pending messages may have changed (the server persists them). */
  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  /**
   * Every message not yet delivered or given up on — queued, held, in flight
   * or waiting for a retry — for the data file: Svix keeps its queue across
   * anything, so clerk-local does too.
   */
  pendingSnapshot(): PendingMessage[] {
    return [...this.messages.values()]
      .filter((m) => m.state !== 'succeeded' && m.state !== 'failed')
      .map(({ id, type, payload, createdAt, attempts, nextAttemptAt, duplicates }) => ({ id, type, payload, createdAt, attempts, nextAttemptAt, duplicates }));
  }

  /**
   * Takes pending messages back after a restart: a retry keeps its schedule
   * (due ones go at once), everything else is queued again with its id, so
   * the endpoint sees the same svix-id as before.
   */
  restorePending(pending: PendingMessage[]): void {
    for (const p of pending) {
      if (this.messages.has(p.id)) continue;
      const msg: WebhookMessage = { ...p, state: 'queued' };
      this.messages.set(msg.id, msg);
      const delay = p.nextAttemptAt === null ? 0 : p.nextAttemptAt - Date.now();
      if (delay > 0) {
        msg.state = 'retrying';
        this.later(delay, () => {
          msg.state = 'queued';
          this.ready.push({ msg, duplicate: false });
          this.pump();
        });
      } else {
        this.ready.push({ msg, duplicate: false });
      }
    }
    this.pump();
  }

  /** Queues one event; called by the store for every change. */
  enqueue(type: string, data: unknown, context?: ChangeContext): WebhookMessage {
    const payload: EventPayload = {
      data,
      object: 'event',
      type,
      // Milliseconds, as Clerk sends them (the spec's examples show seconds; the schema says integer).
      timestamp: Date.now(),
      instance_id: this.opts.instanceId,
      event_attributes: {
        http_request: { client_ip: context?.clientIp ?? '127.0.0.1', user_agent: context?.userAgent ?? 'clerk-local' },
      },
    };
    const msg: WebhookMessage = {
      id: newId('message'),
      type,
      payload: JSON.stringify(payload),
      createdAt: Date.now(),
      state: 'queued',
      attempts: 0,
      nextAttemptAt: null,
      duplicates: this.opts.random() < this.opts.duplicateRate ? 1 : 0,
    };
    this.messages.set(msg.id, msg);
    if (this.opts.random() < this.opts.reorderRate) {
      msg.state = 'held';
      this.later(this.opts.reorderDelayMs, () => {
        msg.state = 'queued';
        this.ready.push({ msg, duplicate: false });
        this.pump();
      });
    } else {
      this.ready.push({ msg, duplicate: false });
      this.pump();
    }
    this.changed();
    return msg;
  }

  /** Sends a message again (an operator's "replay"), as a new attempt with the same id. */
  redeliver(msgId: string): boolean {
    const msg = this.messages.get(msgId);
    if (!msg) return false;
    msg.state = 'queued';
    this.ready.push({ msg, duplicate: true });
    this.pump();
    return true;
  }

  log(): DeliveryAttempt[] {
    return [...this.attempts];
  }

  list(): WebhookMessage[] {
    return [...this.messages.values()];
  }

  get(msgId: string): WebhookMessage | undefined {
    return this.messages.get(msgId);
  }

  clear(): void {
    this.attempts.length = 0;
    for (const [id, m] of this.messages) if (m.state === 'succeeded' || m.state === 'failed') this.messages.delete(id);
  }

  /**
   * Resolves when nothing is in flight, queued for a reachable endpoint, held
   * for reordering or waiting for a retry. Messages queued while paused or
   * without a URL do not count.
   */
  idle(timeoutMs = 30_000): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`clerk-local: webhook deliveries not idle after ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.controllers) c.abort();
    this.ready.length = 0;
    this.settle(true);
  }

  private isIdle(): boolean {
    if (this.inFlight > 0) return false;
    if (this.timers.size > 0 && !this.stopped) return false;
    const deliverable = !this.paused && this.url !== null;
    return !deliverable || this.ready.length === 0;
  }

  private settle(force = false): void {
    if (!force && !this.isIdle()) return;
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
      this.settle();
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  private pump(): void {
    while (!this.stopped && !this.paused && this.url && this.inFlight < this.opts.concurrency && this.ready.length > 0) {
      const next = this.ready.shift();
      if (next) void this.attempt(next.msg, next.duplicate, this.url);
    }
    this.settle();
  }

  private async attempt(msg: WebhookMessage, duplicate: boolean, url: string): Promise<void> {
    this.inFlight += 1;
    msg.state = 'delivering';
    msg.attempts += 1;
    const started = Date.now();
    const { status, error } = await postSigned(url, msg, this.signer, this.opts.timeoutMs, this.controllers);
    this.attempts.push({ msgId: msg.id, type: msg.type, attempt: msg.attempts, url, status, error, time: started, durationMs: Date.now() - started, duplicate });
    this.inFlight -= 1;
    if (this.stopped) return this.settle(true);
    if (error === null) {
      msg.state = 'succeeded';
      msg.nextAttemptAt = null;
      if (msg.duplicates > 0) {
        msg.duplicates -= 1;
        this.ready.push({ msg, duplicate: true });
      }
    } else if (msg.attempts < this.opts.schedule.length) {
      const delay = (this.opts.schedule[msg.attempts] ?? 0) * this.opts.retryScale;
      msg.state = 'retrying';
      msg.nextAttemptAt = Date.now() + delay;
      this.later(delay, () => {
        msg.state = 'queued';
        this.ready.push({ msg, duplicate });
        this.pump();
      });
    } else {
      msg.state = 'failed';
      msg.nextAttemptAt = null;
    }
    this.changed();
    this.pump();
  }
}
