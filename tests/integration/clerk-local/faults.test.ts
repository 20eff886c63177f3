import { afterEach, describe, expect, it } from 'vitest';
import { clerkError, clientFor, email, useEmulator } from './fixture';

// A manual clock for injected faults: latency advances it, tests move it past a window.
const clock = {
  t: Date.now(),
  now: () => clock.t,
  sleep: async (ms: number) => {
    clock.t += ms;
  },
};
const env = useEmulator({ faultClock: clock });

afterEach(() => {
  env.local.faults.reset();
  env.local.requests.clear();
});

describe('clerk-local authentication, rate limit and fault injection', () => {
  it('answers 401 with Clerk\'s error body for a wrong secret key', async () => {
    const wrong = clientFor(env.local, 'sk_test_not_the_right_key');
    const err = await clerkError(wrong.users.getUserList());
    expect(err.status).toBe(401);
    expect(err.errors[0]?.code).toBe('clerk_key_invalid');
  });

  it('answers 401 without an Authorization header', async () => {
    const res = await fetch(`${env.local.url}/v1/users`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as { errors: { code: string; message: string; long_message: string }[] };
    expect(body.errors[0]).toMatchObject({ code: 'authorization_header_missing', message: expect.any(String), long_message: expect.any(String) });
  });

  it('enforces a rate limit of N requests per window with 429 and Retry-After; the SDK does not retry', async () => {
    env.local.faults.set({ rateLimit: { requests: 3, windowMs: 10_000 } });
    for (let i = 0; i < 3; i++) await env.clerk.users.getCount();
    const err = await clerkError(env.clerk.users.getCount());
    expect(err.status).toBe(429);
    expect(err.errors[0]?.code).toBe('too_many_requests');
    expect(err.retryAfter).toBeGreaterThanOrEqual(1);
    expect(err.retryAfter).toBeLessThanOrEqual(10);
    // Four calls, four requests: @clerk/backend 3.25 surfaces the 429 rather than retrying.
    expect(env.local.requests.count({ method: 'GET', path: '/v1/users/count' })).toBe(4);
    expect(env.local.requests.count({ status: 429 })).toBe(1);
  });

  it('the rate-limit window resets', async () => {
    env.local.faults.set({ rateLimit: { requests: 1, windowMs: 200 } });
    await env.clerk.users.getCount();
    expect((await clerkError(env.clerk.users.getCount())).status).toBe(429);
    clock.t += 250;
    await env.clerk.users.getCount();
  });

  it('injects 5xx for the next N requests matching a method and path pattern', async () => {
    const u = await env.clerk.users.createUser({ emailAddress: [email()] });
    env.local.faults.set({ rate5xx: 1, status5xx: 503, remaining: 2, match: { method: 'GET', path: '/v1/users/*' } });
    // Not matching: another method.
    await env.clerk.users.updateUser(u.id, { firstName: 'Unaffected' });
    expect((await clerkError(env.clerk.users.getUser(u.id))).status).toBe(503);
    expect((await clerkError(env.clerk.users.getUser(u.id))).status).toBe(503);
    expect((await env.clerk.users.getUser(u.id)).firstName).toBe('Unaffected');
  });

  it('injects 429 with Retry-After at a share of requests', async () => {
    env.local.faults.set({ rate429: 1, retryAfterSeconds: 7 });
    const err = await clerkError(env.clerk.organizations.getOrganizationList());
    expect(err.status).toBe(429);
    expect(err.retryAfter).toBe(7);
    expect(env.local.requests.list({ status: 429 })[0]?.fault).toBe('429');
  });

  it('adds latency', async () => {
    env.local.faults.set({ latencyMs: 120 });
    const t = clock.now();
    await env.clerk.users.getCount();
    expect(clock.now() - t).toBeGreaterThanOrEqual(110);
  });

  it('is configurable over HTTP (POST /__local/faults) and counts calls at GET /__local/requests', async () => {
    const set = await fetch(`${env.local.url}/__local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rate5xx: 1, remaining: 1 }),
    });
    expect(set.status).toBe(200);
    expect((await clerkError(env.clerk.users.getCount())).status).toBe(503);
    await env.clerk.users.getCount();
    const res = await fetch(`${env.local.url}/__local/requests?method=GET&route=/v1/users/count`);
    const log = (await res.json()) as { data: { status: number; route: string }[]; total_count: number };
    expect(log.total_count).toBe(2);
    expect(log.data.map((e) => e.status)).toEqual([503, 200]);
    await fetch(`${env.local.url}/__local/faults`, { method: 'DELETE' });
    expect(env.local.faults.get()).toEqual({});
  });

  it('answers 404 resource_not_found for a Backend API path it does not emulate', async () => {
    const res = await fetch(`${env.local.url}/v1/no_such_thing`, { headers: { authorization: `Bearer ${env.local.secretKey}` } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('resource_not_found');
  });
});
