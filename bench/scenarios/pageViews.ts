// DESIGN.md §6 "Tenant page views", against the real app served by Next
// (bench/nextApp.ts: next build + next start, clerk-local delivering webhooks
// to it). One admin of two orgs, A and B, signed in with session cookies
// minted by clerk-local. Three arms in alternating batches, so they share the
// machine's noise:
//   (a) GET /en/{A} with A active in the session token: membership from the claims;
//   (b) GET /en/{A} with B active: membership from the cache (one Clerk look-up
//       per (user, org) per 30 s);
//   (c) GET /en/event/sign-out, the baseline "a page that only runs auth()":
//       its only dynamic work is Clerk's auth() in the site header.
// Targets: (a) and (b) at ≥ 0.70× the throughput of (c); 0 Clerk calls for (a);
// at most one membership look-up per cache period for (b).
import { createClerkClient } from '@clerk/backend';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startNextApp } from '../nextApp';
import { runPool } from '../pool';
import { check, type Row, target } from '../report';
import type { Bench } from '../services';
import { count, formatTally, ms, percentile, perSecond, ratio, tally } from '../stats';

const REQUESTS = 500;
const BATCH = 50;
const CONCURRENCY = 10;
const WARM_UP = 50;
/** Measurement stops here even if not every batch ran (reported). */
const TIME_LIMIT_MS = 180_000;
const CACHE_PERIOD_MS = 30_000;
const MEMBERSHIP_ROUTE = '/v1/organizations/{organization_id}/memberships';
const SETTLE_TIMEOUT_MS = 30_000;

type Arm = 'active' | 'other' | 'baseline';
type Sample = { status: number; ok: boolean; ms: number };

export async function pageViews(bench: Bench, progress: (line: string) => void): Promise<Row[]> {
  const app = await startNextApp({ mongoUri: `${bench.mongo.uri}tenantry-bench-pages`, progress });
  try {
    return await measure(app.url, app.clerk, app.buildSeconds, progress);
  } finally {
    await app.stop();
  }
}

async function measure(url: string, clerk: Awaited<ReturnType<typeof startNextApp>>['clerk'], buildSeconds: number | null, progress: (line: string) => void): Promise<Row[]> {
  // Users and orgs through the Backend API over HTTP, as the e2e suite makes them;
  // clerk-local delivers the webhooks to the app, which adopts both orgs.
  const sdk = createClerkClient({ secretKey: clerk.secretKey, apiUrl: clerk.url });
  const stamp = Date.now().toString(36);
  const admin = await sdk.users.createUser({ emailAddress: [`pages-${stamp}@bench.example.com`] });
  const orgA = await sdk.organizations.createOrganization({ name: `Bench Pages A ${stamp}`, slug: `bench-a-${stamp}`, createdBy: admin.id });
  const orgB = await sdk.organizations.createOrganization({ name: `Bench Pages B ${stamp}`, slug: `bench-b-${stamp}`, createdBy: admin.id });
  const cookieFor = (orgId: string) => {
    const { cookies } = clerk.mintSession({ userId: admin.id, orgId, ttlSeconds: 3600, origin: url });
    return Object.entries(cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  };
  const cookies = { active: cookieFor(orgA.id), other: cookieFor(orgB.id) };
  const paths: Record<Arm, { path: string; cookie: string; expect: string }> = {
    active: { path: `/en/${orgA.slug}`, cookie: cookies.active, expect: orgA.name },
    other: { path: `/en/${orgA.slug}`, cookie: cookies.other, expect: orgA.name },
    baseline: { path: '/en/event/sign-out', cookie: cookies.active, expect: 'data-testid="signed-out"' },
  };
  const get = async ({ path, cookie, expect }: { path: string; cookie: string; expect: string }): Promise<Sample> => {
    const t0 = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { cookie }, redirect: 'manual' });
    const body = await response.text();
    return { status: response.status, ok: response.status === 200 && body.includes(expect), ms: performance.now() - t0 };
  };
  const view = (arm: Arm) => get(paths[arm]);

  // Adoption (organization.created) and the admin's own test org (user.created)
  // arrive by webhook; wait for all three so no background Clerk call lands in
  // a batch. B is checked on its own page with B active: (b) must start with
  // the membership cache cold, so its first look-up is counted.
  progress('page views: waiting for the webhooks to adopt the orgs…');
  const pageOfB = { path: `/en/${orgB.slug}`, cookie: cookies.other, expect: orgB.name };
  const settleBy = Date.now() + SETTLE_TIMEOUT_MS;
  while (!(await view('active')).ok || !(await get(pageOfB)).ok || !(await sdk.users.getUser(admin.id)).publicMetadata.newTenantSlug) {
    if (Date.now() > settleBy) throw new Error(`orgs not adopted (or test org not provisioned) within ${SETTLE_TIMEOUT_MS / 1000} s`);
    await sleep(250);
  }
  await sleep(500);

  const arms: Arm[] = ['active', 'other', 'baseline'];
  const samples = Object.fromEntries(arms.map((a) => [a, [] as Sample[]])) as Record<Arm, Sample[]>;
  const elapsed = Object.fromEntries(arms.map((a) => [a, 0])) as Record<Arm, number>;
  const clerkCalls = Object.fromEntries(arms.map((a) => [a, 0])) as Record<Arm, number>;
  const membershipCalls = Object.fromEntries(arms.map((a) => [a, 0])) as Record<Arm, number>;
  const memberships = () => clerk.requests.count({ method: 'GET', route: MEMBERSHIP_ROUTE });
  const batch = (arm: Arm, n: number) => runPool(Array.from({ length: n }), CONCURRENCY, () => view(arm));

  progress(`page views: ${count(REQUESTS)} views per arm in batches of ${BATCH}, ${CONCURRENCY} in flight…`);
  clerk.requests.clear();
  // (b) warms up first: its span starts with its first request.
  const otherStarted = performance.now();
  for (const arm of ['other', 'active', 'baseline'] as const) await batch(arm, WARM_UP);
  const warmUpMemberships = memberships();
  const warmUpCalls = clerk.requests.count();
  const measureStarted = performance.now();
  let rounds = 0;
  for (let done = 0; done < REQUESTS && performance.now() - measureStarted < TIME_LIMIT_MS; done += BATCH) {
    for (const arm of arms) {
      const [callsBefore, membershipsBefore] = [clerk.requests.count(), memberships()];
      const started = performance.now();
      samples[arm].push(...(await batch(arm, BATCH)));
      elapsed[arm] += performance.now() - started;
      clerkCalls[arm] += clerk.requests.count() - callsBefore;
      membershipCalls[arm] += memberships() - membershipsBefore;
    }
    rounds += 1;
  }
  // (b) from its first request (warm-up included) to its last.
  const otherSpanMs = performance.now() - otherStarted;
  const otherMemberships = warmUpMemberships + membershipCalls.other;
  const periods = Math.floor(otherSpanMs / CACHE_PERIOD_MS) + 1;

  const n = rounds * BATCH;
  const rate = (arm: Arm) => samples[arm].length / (elapsed[arm] / 1000);
  const activeRatio = rate('active') / rate('baseline');
  const otherRatio = rate('other') / rate('baseline');
  const statuses = (arm: Arm) => formatTally(tally(samples[arm].map((s) => (s.ok ? `${s.status}` : `${s.status} (unexpected body)`))));
  const allOk = arms.every((a) => samples[a].every((s) => s.ok));
  const latency = (arm: Arm) => `p50 ${ms(percentile(samples[arm].map((s) => s.ms), 50))}, p99 ${ms(percentile(samples[arm].map((s) => s.ms), 99))}`;
  const s = 'page views';
  return [
    {
      scenario: s,
      metric: `next start (production build${buildSeconds === null ? ', reused' : `, built in ${buildSeconds.toFixed(0)} s, not measured`}); ${count(n)} views per arm, ${rounds} alternating rounds of ${BATCH}, ${CONCURRENCY} in flight`,
      measured: `(a) ${statuses('active')}; (b) ${statuses('other')}; (c) ${statuses('baseline')}${n < REQUESTS ? `; stopped at the ${TIME_LIMIT_MS / 1000} s limit` : ''}`,
      target: 'all 200 with the page',
      verdict: check(allOk && n > 0),
    },
    {
      scenario: s,
      metric: '(a) /en/{org}, org active in the session / (c) /en/event/sign-out (its only dynamic work: auth() in the header)',
      measured: `${perSecond(rate('active'))} / ${perSecond(rate('baseline'))} → ${ratio(activeRatio)}; ${latency('active')} vs ${latency('baseline')}`,
      target: '≥ 0.70×',
      verdict: target(activeRatio >= 0.7),
    },
    {
      scenario: s,
      metric: '(b) /en/{org}, another org active (membership from the cache) / (c)',
      measured: `${perSecond(rate('other'))} / ${perSecond(rate('baseline'))} → ${ratio(otherRatio)}; ${latency('other')}`,
      target: '≥ 0.70×',
      verdict: target(otherRatio >= 0.7),
    },
    {
      scenario: s,
      metric: 'Clerk calls during (a) (clerk-local request log)',
      measured: `${clerkCalls.active} (${membershipCalls.active} membership look-ups) over ${count(samples.active.length)} views; (c): ${clerkCalls.baseline}`,
      target: '0',
      verdict: target(clerkCalls.active === 0),
    },
    {
      scenario: s,
      metric: `membership look-ups during (b), warm-up included (${(otherSpanMs / 1000).toFixed(0)} s = ${periods} cache period(s) of 30 s)`,
      measured: `${otherMemberships} over ${count(WARM_UP + samples.other.length)} views (all Clerk calls during (b) and the warm-up: ${warmUpCalls + clerkCalls.other})`,
      target: `≤ 1 per (user, org) per period (≤ ${periods})`,
      verdict: target(otherMemberships <= periods),
    },
  ];
}
