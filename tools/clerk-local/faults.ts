// Fault injection for tests and benchmarks, all off by default. Applies to
// Backend API requests only (/v1/...), before authentication, like trouble in
// front of Clerk would.
import { ClerkApiError, errors } from './errors';

export type FaultConfig = {
  /** Added to every matching request. */
  latencyMs?: number;
  /** Share (0..1) of matching requests answered 429 with Retry-After. */
  rate429?: number;
  /** Share (0..1) of matching requests answered with `status5xx`. */
  rate5xx?: number;
  status5xx?: number;
  /** Retry-After for injected 429s, seconds. */
  retryAfterSeconds?: number;
  /** Only requests matching this method and/or path pattern (`*` = one segment, `**` = anything). */
  match?: { method?: string; path?: string };
  /** Only the next N matching requests; then latency and error shares switch off. */
  remaining?: number;
  /** Clerk's rate limit: at most `requests` per `windowMs` (default 10 s) across the Backend API. */
  rateLimit?: { requests: number; windowMs?: number } | null;
};

export type FaultDecision = { latencyMs: number; error: ClerkApiError | null; kind: 'rate-limit' | '429' | '5xx' | null };

function globToRegex(glob: string): RegExp {
  const src = glob
    .split('**')
    .map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${src}$`);
}

/** Time as injected faults see it: `now` for windows, `sleep` for latency. */
export type FaultClock = { now: () => number; sleep: (ms: number) => Promise<void> };

export class Faults {
  private config: FaultConfig = {};
  private pathRegex: RegExp | null = null;
  // The first request opens the first window.
  private windowStart = Number.NEGATIVE_INFINITY;
  private windowCount = 0;

  constructor(initial: FaultConfig = {}, private readonly random: () => number = Math.random) {
    this.set(initial);
  }

  /** Replaces the whole configuration (`{}` turns everything off). */
  set(config: FaultConfig): void {
    this.config = { ...config };
    this.pathRegex = config.match?.path ? globToRegex(config.match.path) : null;
    this.windowStart = Number.NEGATIVE_INFINITY;
    this.windowCount = 0;
  }

  /** Changes some settings, keeping the others. */
  update(patch: FaultConfig): void {
    this.set({ ...this.config, ...patch });
  }

  reset(): void {
    this.set({});
  }

  get(): FaultConfig {
    return { ...this.config };
  }

  private matches(method: string, path: string): boolean {
    const m = this.config.match;
    if (m?.method && m.method.toUpperCase() !== method) return false;
    if (this.pathRegex && !this.pathRegex.test(path)) return false;
    return true;
  }

  private rateLimited(now: number): ClerkApiError | null {
    const rl = this.config.rateLimit;
    if (!rl) return null;
    const windowMs = rl.windowMs ?? 10_000;
    if (now - this.windowStart >= windowMs) {
      this.windowStart = now;
      this.windowCount = 0;
    }
    this.windowCount += 1;
    if (this.windowCount <= rl.requests) return null;
    return errors.tooManyRequests(Math.max(1, Math.ceil((this.windowStart + windowMs - now) / 1000)));
  }

  /** Decides what happens to one request; counts it against the rate limit and `remaining`. */
  decide(method: string, path: string, now = Date.now()): FaultDecision {
    const limited = this.rateLimited(now);
    const c = this.config;
    let latencyMs = 0;
    let error: ClerkApiError | null = null;
    let kind: FaultDecision['kind'] = null;
    const active = (c.remaining === undefined || c.remaining > 0) && this.matches(method, path);
    if (active) {
      if (c.remaining !== undefined) c.remaining -= 1;
      latencyMs = c.latencyMs ?? 0;
      const r = this.random();
      const p429 = c.rate429 ?? 0;
      const p5xx = c.rate5xx ?? 0;
      if (r < p429) {
        error = errors.tooManyRequests(c.retryAfterSeconds ?? 1);
        kind = '429';
      } else if (r < p429 + p5xx) {
        error = errors.injectedServerError(c.status5xx ?? 503);
        kind = '5xx';
      }
    }
    if (limited) return { latencyMs, error: limited, kind: 'rate-limit' };
    return { latencyMs, error, kind };
  }
}
