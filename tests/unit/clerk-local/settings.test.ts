import { describe, expect, it } from 'vitest';
import { InstanceRateLimit } from '../../../tools/clerk-local/rateLimit';
import { rolePermissionClaims } from '../../../tools/clerk-local/rules';
import { CLERK_NEW_APP_SETTINGS, parseSettings, rateLimitFromFlag, Settings } from '../../../tools/clerk-local/settings';
import { checkOrgName } from '../../../tools/clerk-local/validation';

describe('clerk-local instance settings', () => {
  it('start off, and a new Clerk app has membership required, the email code and 100 requests per 10 s', () => {
    expect(new Settings().get()).toEqual({ membershipRequired: false, emailVerification: false, rateLimit: false });
    expect(CLERK_NEW_APP_SETTINGS).toEqual({ membershipRequired: true, emailVerification: true, rateLimit: { requests: 100, perSeconds: 10 } });
  });

  it('change some settings and keep the others', () => {
    const s = new Settings({ emailVerification: true });
    expect(s.update(parseSettings({ membershipRequired: true }))).toEqual({ membershipRequired: true, emailVerification: true, rateLimit: false });
  });

  it('refuse unknown settings and wrong types with Clerk-shaped errors', () => {
    expect(() => parseSettings({ forceOrg: true })).toThrow(/not a clerk-local setting/);
    expect(() => parseSettings({ membershipRequired: 'yes' })).toThrow(/true or false/);
    expect(() => parseSettings({ rateLimit: { requests: 0, perSeconds: 10 } })).toThrow(/rateLimit/);
  });

  it('read --rate-limit as requests per 10 s, or off', () => {
    expect(rateLimitFromFlag('100')).toEqual({ requests: 100, perSeconds: 10 });
    expect(rateLimitFromFlag('off')).toBe(false);
    expect(() => rateLimitFromFlag('-1')).toThrow();
  });
});

describe("clerk-local's rate limit", () => {
  it('allows `requests` in any window of `perSeconds` and answers 429 with Retry-After beyond', () => {
    const limit = new InstanceRateLimit();
    limit.configure({ requests: 3, perSeconds: 10 });
    expect([0, 1000, 2000].map((t) => limit.check(t))).toEqual([null, null, null]);
    const refused = limit.check(3000);
    expect(refused?.status).toBe(429);
    expect(refused?.headers['Retry-After']).toBe('7');
    // The first request leaves the sliding window at 10 s; refused ones never counted.
    expect(limit.check(10_000)).toBeNull();
    expect(limit.check(10_001)?.status).toBe(429);
  });

  it('is off when configured off', () => {
    const limit = new InstanceRateLimit();
    limit.configure(false);
    for (let i = 0; i < 1000; i += 1) expect(limit.check(0)).toBeNull();
  });
});

describe("clerk-local's name rule and token permission claims", () => {
  it('answers the statuses and codes Clerk documents for org names', () => {
    expect(() => checkOrgName('a'.repeat(257))).toThrow(expect.objectContaining({ status: 422, errors: [expect.objectContaining({ code: 'form_param_max_length_exceeded' })] }));
    expect(() => checkOrgName('<script>')).toThrow(expect.objectContaining({ status: 422, errors: [expect.objectContaining({ code: 'form_param_value_invalid' })] }));
    expect(checkOrgName('  Acme  ')).toBe('Acme');
  });

  it("gives Clerk's default roles no custom permissions in fea, o.per and o.fpm (system permissions stay out of tokens)", () => {
    expect(rolePermissionClaims('org:admin')).toEqual({ fea: '', per: '', fpm: '' });
  });
});
