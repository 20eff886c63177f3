// DESIGN.md §6 "Sign-up to tenant ready": user.created for fresh users, one
// at a time, 50 ms injected on every Backend API call. Floor: two sequential
// Clerk calls = 100 ms; targets p50 ≤ 1.3×, p99 ≤ 2× of it, 2 calls per user.
import { performance } from 'node:perf_hooks';
import { Organization } from '@/lib/db';
import { countMongoCommands } from '../mongoCommands';
import { type Bench, resetState } from '../services';
import { check, type Row, target } from '../report';
import { count, formatTally, mean, ms, percentile, ratio, tally } from '../stats';
import { post, realRoute, signUpUsers, svixHeaders } from '../webhook';

const USERS = 100;
const LATENCY_MS = 50;
const FLOOR_MS = 2 * LATENCY_MS;

export async function signUpToTenantReady(bench: Bench): Promise<Row[]> {
  const { clerk } = bench;
  const secret = clerk.webhookSecret;
  await resetState(bench);
  clerk.faults.set({ latencyMs: LATENCY_MS });
  // One warm-up user (first-call costs: SDK client, gate, JIT), not counted.
  const [warmUp] = signUpUsers(clerk, 1, 'signup-warmup');
  if (warmUp) await post(realRoute, warmUp.payload, svixHeaders(warmUp, secret));
  clerk.requests.clear();

  const messages = signUpUsers(clerk, USERS, 'signup');
  const commands = countMongoCommands();
  const latencies: number[] = [];
  const outcomes: string[] = [];
  for (const message of messages) {
    const headers = svixHeaders(message, secret);
    const started = performance.now();
    const answer = await post(realRoute, message.payload, headers);
    latencies.push(performance.now() - started);
    outcomes.push(`${answer.status} ${answer.outcome}`);
  }
  clerk.faults.reset();
  commands.stop();

  const calls = clerk.requests.list();
  const callsPerUser = calls.length / USERS;
  const active = await Organization.countDocuments({ ownerUserId: { $in: messages.map((m) => m.userId) }, status: 'active' });
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  const s = 'sign-up';
  return [
    {
      scenario: s,
      metric: `${USERS} user.created, sequential, ${LATENCY_MS} ms Clerk latency`,
      measured: `${formatTally(tally(outcomes))}; ${count(active)} test orgs active`,
      target: `${USERS} × 200 processed`,
      verdict: check(outcomes.every((o) => o === '200 processed') && active === USERS),
    },
    {
      scenario: s,
      metric: 'Clerk calls per new user (request log)',
      measured: `${callsPerUser.toFixed(2)} (${formatTally(tally(calls.map((c) => `${c.method} ${c.route ?? c.path}`)))})`,
      target: '2',
      verdict: target(callsPerUser <= 2),
    },
    {
      scenario: s,
      metric: `p50 latency / ${FLOOR_MS} ms floor`,
      measured: `${ms(p50)} → ${ratio(p50 / FLOOR_MS)} (min ${ms(Math.min(...latencies))}, mean ${ms(mean(latencies))})`,
      target: '≤ 1.30×',
      verdict: target(p50 / FLOOR_MS <= 1.3),
    },
    {
      scenario: s,
      metric: `p99 latency / ${FLOOR_MS} ms floor`,
      measured: `${ms(p99)} → ${ratio(p99 / FLOOR_MS)} (max ${ms(Math.max(...latencies))})`,
      target: '≤ 2.00×',
      verdict: target(p99 / FLOOR_MS <= 2),
    },
    {
      scenario: s,
      metric: 'MongoDB commands per new user',
      measured: `${(commands.names().length / USERS).toFixed(2)} (${formatTally(tally(commands.names()))})`,
      target: '(breakdown)',
      verdict: 'INFO',
    },
  ];
}
