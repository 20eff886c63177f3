import { describe, expect, it } from 'vitest';
import { Faults } from '../../../tools/clerk-local/faults';

describe('clerk-local fault decisions', () => {
  it('does nothing by default', () => {
    const d = new Faults().decide('GET', '/v1/users');
    expect(d).toEqual({ latencyMs: 0, error: null, kind: null });
  });

  it('splits the shares of 429 and 5xx by the random draw', () => {
    const draws = [0.05, 0.15, 0.5];
    const f = new Faults({ rate429: 0.1, rate5xx: 0.1, retryAfterSeconds: 3 }, () => draws.shift() ?? 1);
    const a = f.decide('GET', '/v1/users');
    expect(a.kind).toBe('429');
    expect(a.error?.headers['Retry-After']).toBe('3');
    expect(f.decide('GET', '/v1/users').error?.status).toBe(503);
    expect(f.decide('GET', '/v1/users').error).toBeNull();
  });

  it('scopes to method and path pattern, and to the next N matching requests', () => {
    const f = new Faults({ rate5xx: 1, match: { method: 'POST', path: '/v1/organizations/*/memberships' }, remaining: 1 });
    expect(f.decide('GET', '/v1/organizations/org_1/memberships').error).toBeNull();
    expect(f.decide('POST', '/v1/organizations/org_1').error).toBeNull();
    expect(f.decide('POST', '/v1/organizations/org_1/memberships').error?.status).toBe(503);
    expect(f.decide('POST', '/v1/organizations/org_1/memberships').error).toBeNull();
  });

  it('** matches any depth', () => {
    const f = new Faults({ latencyMs: 5, match: { path: '/v1/organizations/**' } });
    expect(f.decide('GET', '/v1/organizations/org_1/memberships/user_1').latencyMs).toBe(5);
    expect(f.decide('GET', '/v1/users').latencyMs).toBe(0);
  });

  it('rate-limits N requests per window and tells how long to wait', () => {
    const f = new Faults({ rateLimit: { requests: 2, windowMs: 10_000 } });
    expect(f.decide('GET', '/v1/users', 1_000).error).toBeNull();
    expect(f.decide('GET', '/v1/users', 2_000).error).toBeNull();
    const limited = f.decide('GET', '/v1/users', 4_500);
    expect(limited.kind).toBe('rate-limit');
    expect(limited.error?.status).toBe(429);
    expect(limited.error?.headers['Retry-After']).toBe('7'); // window ends at 11 000 ms
    expect(f.decide('GET', '/v1/users', 11_000).error).toBeNull();
  });
});
