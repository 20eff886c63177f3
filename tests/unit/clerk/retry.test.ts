import { describe, expect, it, vi } from 'vitest';
import { ClerkRejectedError, ClerkUnavailableError } from '@/lib/clerk/errors';
import { createGate } from '@/lib/clerk/gate';
import { withRetry, withTimeout } from '@/lib/clerk/retry';

function clock() {
  let t = 0;
  const waits: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(ms);
      t += ms;
    },
    waits,
  };
}

describe('withRetry', () => {
  it("waits exactly Clerk's Retry-After before trying again", async () => {
    const c = clock();
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw new ClerkUnavailableError('429', 2);
        return 'ok';
      },
      { budgetMs: 10_000, now: c.now, sleep: c.sleep },
    );
    expect(result).toBe('ok');
    expect(c.waits).toEqual([2000, 2000]);
  });

  it('backs off exponentially on 5xx without Retry-After', async () => {
    const c = clock();
    let calls = 0;
    await withRetry(
      async () => {
        calls += 1;
        if (calls < 4) throw new ClerkUnavailableError('503');
        return 'ok';
      },
      { budgetMs: 10_000, baseDelayMs: 100, now: c.now, sleep: c.sleep, random: () => 1 },
    );
    expect(c.waits).toEqual([100, 200, 400]);
  });

  it('gives up when the next wait would pass the budget, with the last error', async () => {
    const c = clock();
    const attempt = async () => {
      throw new ClerkUnavailableError('429', 4);
    };
    await expect(withRetry(attempt, { budgetMs: 10_000, now: c.now, sleep: c.sleep })).rejects.toThrow('429');
    expect(c.waits).toEqual([4000, 4000]);
  });

  it('does not retry a rejection', async () => {
    const c = clock();
    let calls = 0;
    const attempt = async () => {
      calls += 1;
      throw new ClerkRejectedError('422', 422, 'form_identifier_exists');
    };
    await expect(withRetry(attempt, { budgetMs: 10_000, now: c.now, sleep: c.sleep })).rejects.toBeInstanceOf(ClerkRejectedError);
    expect(calls).toBe(1);
  });
});

describe('withTimeout', () => {
  it('turns a call that hangs into a transient error', async () => {
    await expect(withTimeout(new Promise(() => {}), 20, 'get user')).rejects.toBeInstanceOf(ClerkUnavailableError);
  });
});

describe('createGate', () => {
  it('keeps at most `concurrency` calls in flight', async () => {
    const gate = createGate({ concurrency: 3, limit: 1000, intervalMs: 10_000 });
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        gate(async () => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight -= 1;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('starts at most `limit` calls per window', async () => {
    // A fake clock (Date.now and timers, which p-throttle reads): time moves only when the test runs the timers.
    vi.useFakeTimers();
    try {
      const gate = createGate({ concurrency: 100, limit: 5, intervalMs: 200 });
      const started: number[] = [];
      const t0 = Date.now();
      const all = Promise.all(Array.from({ length: 10 }, () => gate(async () => started.push(Date.now() - t0))));
      await vi.runAllTimersAsync();
      await all;
      // The sixth call waits for the next window.
      started.sort((a, b) => a - b);
      expect(started[5]! - started[0]!).toBeGreaterThanOrEqual(180);
    } finally {
      vi.useRealTimers();
    }
  });
});
