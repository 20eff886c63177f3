import pLimit from 'p-limit';
import pThrottle from 'p-throttle';

export type GateOptions = {
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests started per window (Clerk: 100 / 10 s development, 1,000 / 10 s production). */
  limit: number;
  intervalMs: number;
};

/**
 * Bounds calls to Clerk by concurrency and by Clerk's rate-limit window.
 * `strict`: no sliding window of `intervalMs` ever holds more than `limit`
 * starts (the default fixed windows let two bursts meet across a boundary,
 * which Clerk counts as one window: seen in `npm run bench`).
 */
export function createGate({ concurrency, limit, intervalMs }: GateOptions) {
  const inFlight = pLimit(concurrency);
  const throttle = pThrottle({ limit, interval: intervalMs, strict: true });
  const started = throttle(<T>(fn: () => Promise<T>) => fn());
  const slot = throttle(async () => undefined);
  // `requests`: HTTP requests the call makes (the SDK's getUserList also asks /users/count), each taking a slot.
  return <T>(fn: () => Promise<T>, requests = 1): Promise<T> =>
    inFlight(async () => {
      for (let extra = 1; extra < requests; extra += 1) await slot();
      return started(fn) as Promise<T>;
    });
}
