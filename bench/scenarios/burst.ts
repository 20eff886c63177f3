// DESIGN.md §6 "Burst": 1,000 user.created plus 20% duplicate deliveries
// (same svix-id), shuffled, 20 in flight, clerk-local failing 10% of Backend
// API calls (429 with Retry-After 1, or 503) and enforcing 1,000 requests /
// 10 s. Every non-2xx is redelivered 250 ms later (as Svix would, on a
// shorter schedule) until all are 2xx. Then: exactly 1,000 test orgs in MongoDB and in Clerk,
// one per user, none lost, and Clerk's rate limit respected.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Organization, WebhookEvent } from '@/lib/db';
import { type Bench, resetState } from '../services';
import { check, type Row, target } from '../report';
import { shuffled } from '../shuffle';
import { count, formatTally, maxInSlidingWindow, ms, percentile, tally } from '../stats';
import { type Message, post, realRoute, signUpUsers, svixHeaders } from '../webhook';

const USERS = 1_000;
const DUPLICATE_SHARE = 0.2;
const CONCURRENCY = 20;
const RATE_LIMIT = 1_000;
const WINDOW_MS = 10_000;
/** Svix gives up on an attempt after 15 s. */
const SVIX_TIMEOUT_MS = 15_000;
/** The scenario stops redelivering after this; anything still failing counts as lost. */
const DEADLINE_MS = 240_000;
const REDELIVERY_DELAY_MS = 250;

type Attempt = { message: Message; status: number; outcome: string; ms: number; redelivery: boolean };

export async function burst(bench: Bench, progress: (line: string) => void): Promise<Row[]> {
  const { clerk } = bench;
  await resetState(bench);
  const messages = signUpUsers(clerk, USERS, 'burst');
  const duplicates = shuffled(messages).slice(0, Math.round(USERS * DUPLICATE_SHARE));
  const queue: { message: Message; redelivery: boolean }[] = shuffled([...messages, ...duplicates]).map((message) => ({ message, redelivery: false }));
  const initialDeliveries = queue.length;
  clerk.requests.clear();
  clerk.faults.set({ rate429: 0.05, retryAfterSeconds: 1, rate5xx: 0.05, status5xx: 503, rateLimit: { requests: RATE_LIMIT, windowMs: WINDOW_MS } });

  const attempts: Attempt[] = [];
  const started = performance.now();
  let lastReport = started;
  let waiting = 0;
  const worker = async () => {
    while (queue.length > 0 || waiting > 0) {
      const item = queue.shift();
      if (!item) {
        await sleep(20);
        continue;
      }
      if (performance.now() - started > DEADLINE_MS) {
        queue.unshift(item);
        return;
      }
      const t0 = performance.now();
      const answer = await post(realRoute, item.message.payload, svixHeaders(item.message, clerk.webhookSecret));
      attempts.push({ message: item.message, ...answer, ms: performance.now() - t0, redelivery: item.redelivery });
      // Svix redelivers any non-2xx, here after REDELIVERY_DELAY_MS rather than its 5 s+ schedule.
      if (answer.status < 200 || answer.status > 299) {
        waiting += 1;
        setTimeout(() => {
          waiting -= 1;
          queue.push({ message: item.message, redelivery: true });
        }, REDELIVERY_DELAY_MS);
      }
      if (performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        progress(`burst: ${attempts.length} attempts, ${queue.length + waiting} queued, ${((lastReport - started) / 1000).toFixed(0)} s`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsedMs = performance.now() - started;
  clerk.faults.reset();
  return [...(await verify(bench, messages)), ...figures(bench, { attempts, initialDeliveries, elapsedMs, left: queue.length + waiting })];
}

async function verify({ clerk }: Bench, messages: Message[]): Promise<Row[]> {
  const users = new Set(messages.map((m) => m.userId));
  const docs = await Organization.find({ isTestOrg: true }, { shortName: 1, ownerUserId: 1, clerkOrgId: 1, status: 1 }).lean();
  const owners = new Set(docs.map((d) => d.ownerUserId));
  const active = docs.filter((d) => d.status === 'active').length;
  const lostInMongo = [...users].filter((u) => !owners.has(u)).length;

  const orgs = clerk.store.listOrganizations({}, { limit: Number.MAX_SAFE_INTEGER, offset: 0 }).items;
  const creators = new Set(orgs.map((o) => o.created_by));
  const lostInClerk = [...users].filter((u) => !creators.has(u)).length;
  const clerkIds = new Map(orgs.map((o) => [o.id, o.slug]));
  const linked = docs.filter((d) => d.clerkOrgId && clerkIds.get(d.clerkOrgId) === d.shortName).length;
  const slugOf = new Map(docs.map((d) => [d.ownerUserId, d.shortName]));
  const told = [...users].filter((u) => clerk.store.getUser(u).public_metadata.newTenantSlug === slugOf.get(u)).length;
  const events = tally((await WebhookEvent.find({}, { status: 1 }).lean()).map((e) => e.status));

  const s = 'burst';
  return [
    {
      scenario: s,
      metric: 'test orgs in MongoDB (one per user, none lost)',
      measured: `${count(docs.length)} (${count(active)} active), ${docs.length - owners.size} duplicates, ${lostInMongo} lost`,
      target: `exactly ${count(messages.length)}, 0, 0`,
      verdict: check(docs.length === messages.length && active === messages.length && owners.size === docs.length && lostInMongo === 0),
    },
    {
      scenario: s,
      metric: 'test orgs in Clerk (one per user, none lost)',
      measured: `${count(orgs.length)}, ${orgs.length - creators.size} duplicates, ${lostInClerk} lost; ${count(linked)} linked to their MongoDB doc by id and slug`,
      target: `exactly ${count(messages.length)}, 0, 0`,
      verdict: check(orgs.length === messages.length && creators.size === orgs.length && lostInClerk === 0 && linked === messages.length),
    },
    {
      scenario: s,
      metric: 'users told their tenant (publicMetadata.newTenantSlug); event log',
      measured: `${count(told)} users; events ${formatTally(events)}`,
      target: `${count(messages.length)}; all processed`,
      verdict: check(told === messages.length && events.processed === messages.length && Object.keys(events).length === 1),
    },
  ];
}

function figures(
  { clerk }: Bench,
  { attempts, initialDeliveries, elapsedMs, left }: { attempts: Attempt[]; initialDeliveries: number; elapsedMs: number; left: number },
): Row[] {
  const calls = clerk.requests.list();
  const faults = tally(calls.map((c) => c.fault ?? 'none'));
  const busiest = maxInSlidingWindow(calls.map((c) => c.time), WINDOW_MS);
  const latencies = attempts.map((a) => a.ms);
  const s = 'burst';
  return [
    {
      scenario: s,
      metric: `deliveries: ${count(USERS)} events + ${Math.round(DUPLICATE_SHARE * 100)}% duplicates, shuffled, ${CONCURRENCY} in flight`,
      measured:
        `${count(initialDeliveries)} deliveries + ${count(attempts.filter((a) => a.redelivery).length)} redeliveries in ${(elapsedMs / 1000).toFixed(1)} s` +
        `${left ? `, ${left} still failing at the ${DEADLINE_MS / 1000} s deadline` : ''}; answers ${formatTally(tally(attempts.map((a) => `${a.status} ${a.outcome}`)))}`,
      target: 'all 2xx in the end',
      verdict: check(left === 0),
    },
    {
      scenario: s,
      metric: 'delivery latency p50 / p99 / max',
      measured: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))} / ${ms(Math.max(...latencies))}; ${latencies.filter((l) => l > SVIX_TIMEOUT_MS).length} over Svix's 15 s timeout`,
      target: '(no target)',
      verdict: 'INFO',
    },
    {
      scenario: s,
      metric: 'Clerk Backend API calls (request log)',
      measured: `${count(calls.length)} = ${(calls.length / USERS).toFixed(2)} per user; injected ${faults['429'] ?? 0} × 429, ${faults['5xx'] ?? 0} × 503`,
      target: '(10% injected)',
      verdict: 'INFO',
    },
    {
      scenario: s,
      metric: `most Clerk calls in any sliding ${WINDOW_MS / 1000} s window`,
      measured: count(busiest),
      target: `≤ ${count(RATE_LIMIT)}`,
      verdict: target(busiest <= RATE_LIMIT),
    },
    {
      scenario: s,
      metric: "clerk-local's own rate limit (fixed 10 s windows): 429 'rate-limit'",
      measured: count(faults['rate-limit'] ?? 0),
      target: '0',
      verdict: target((faults['rate-limit'] ?? 0) === 0),
    },
  ];
}
