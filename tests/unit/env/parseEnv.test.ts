import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';

const pk = (host: string) => `pk_test_${Buffer.from(`${host}$`).toString('base64').replace(/=+$/, '')}`;

const valid = {
  NODE_ENV: 'development',
  CLERK_SECRET_KEY: 'sk_test_abc123',
  CLERK_WEBHOOK_SIGNING_SECRET: 'whsec_c2VjcmV0LXNlY3JldA==',
  MONGODB_URI: 'mongodb://127.0.0.1:27017/tenantry',
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: pk('clerk.example.com'),
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseEnv', () => {
  it('accepts a complete environment and applies defaults', () => {
    const env = parseEnv(valid);
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.NEXT_PUBLIC_CLERK_SIGN_UP_FALLBACK_REDIRECT_URL).toBe('/');
    expect(env.TENANTRY_ALLOW_LOCAL_SERVICES).toBe(false);
  });

  it('rejects a missing secret with a message naming it', () => {
    const { CLERK_SECRET_KEY: _omitted, ...rest } = valid;
    const problems = problemsOf(rest);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^CLERK_SECRET_KEY: required/);
  });

  it('names every bad variable in one error', () => {
    const { CLERK_WEBHOOK_SIGNING_SECRET: _a, MONGODB_URI: _b, ...rest } = valid;
    const problems = problemsOf({ ...rest, CLERK_API_URL: 'not a url' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'CLERK_API_URL',
      'CLERK_WEBHOOK_SIGNING_SECRET',
      'MONGODB_URI',
    ]);
    expect(() => parseEnv(rest)).toThrow(/See \.env\.example/);
  });

  it('rejects malformed keys with what is expected', () => {
    expect(problemsOf({ ...valid, CLERK_SECRET_KEY: 'pk_test_oops' })[0]).toMatch(/expected a Clerk secret key/);
    expect(problemsOf({ ...valid, CLERK_WEBHOOK_SIGNING_SECRET: 'secret' })[0]).toMatch(/whsec_/);
    expect(problemsOf({ ...valid, MONGODB_URI: 'postgres://x' })[0]).toMatch(/^MONGODB_URI: expected a MongoDB/);
  });

  it('rejects a publishable key whose Frontend API host has no dot, as Clerk does', () => {
    expect(problemsOf({ ...valid, NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: pk('localhost:4010') })[0]).toMatch(
      /^NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY:/,
    );
    expect(problemsOf({ ...valid, NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: pk('127.0.0.1:4010') })).toEqual([]);
  });

  it('refuses a production server pointed at the local Clerk emulator unless allowed', () => {
    const local = {
      ...valid,
      NODE_ENV: 'production',
      CLERK_API_URL: 'http://127.0.0.1:4010',
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: pk('127.0.0.1:4010'),
    };
    expect(problemsOf(local).map((p) => p.split(':')[0])).toEqual([
      'CLERK_API_URL',
      'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
    ]);
    expect(problemsOf({ ...local, TENANTRY_ALLOW_LOCAL_SERVICES: '1' })).toEqual([]);
    expect(problemsOf({ ...local, NODE_ENV: 'development' })).toEqual([]);
  });
});

describe('parseEnv: background jobs and scheduled reconcile', () => {
  it('reconciles hourly by default, repairing, with jobs in this process', () => {
    const env = parseEnv(valid);
    expect(env).toMatchObject({ RECONCILE_INTERVAL_MINUTES: 60, RECONCILE_SCHEDULED_APPLY: true, TENANTRY_JOBS: true, JOBS_POLL_MS: 1_000 });
  });

  it('takes 0 to switch scheduled reconcile off, and refuses a negative or fractional interval', () => {
    expect(parseEnv({ ...valid, RECONCILE_INTERVAL_MINUTES: '0' }).RECONCILE_INTERVAL_MINUTES).toBe(0);
    expect(problemsOf({ ...valid, RECONCILE_INTERVAL_MINUTES: '-5' }).join('\n')).toMatch(/RECONCILE_INTERVAL_MINUTES/);
    expect(problemsOf({ ...valid, RECONCILE_INTERVAL_MINUTES: '1.5' }).join('\n')).toMatch(/RECONCILE_INTERVAL_MINUTES/);
    expect(problemsOf({ ...valid, JOBS_POLL_MS: '10' }).join('\n')).toMatch(/JOBS_POLL_MS/);
  });
});
