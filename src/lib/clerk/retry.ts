import { ClerkUnavailableError } from './errors';

export type RetryOptions = {
  /** Give up rather than wait past this many ms from the first attempt. */
  budgetMs: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, throws something other than
 * ClerkUnavailableError, or the time budget is spent. Waits honour Clerk's
 * Retry-After; otherwise exponential backoff with full jitter.
 */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { budgetMs, baseDelayMs = 100, sleep = defaultSleep, now = Date.now, random = Math.random } = options;
  const start = now();
  for (let tries = 0; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ClerkUnavailableError)) throw error;
      const wait =
        error.retryAfterSeconds !== undefined
          ? error.retryAfterSeconds * 1000
          : Math.round(random() * baseDelayMs * 2 ** Math.min(tries, 6));
      if (now() - start + wait > budgetMs) throw error;
      await sleep(wait);
    }
  }
}

/** Rejects with ClerkUnavailableError if `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ClerkUnavailableError(`${what}: Clerk did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
