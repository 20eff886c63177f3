// DESIGN.md §6 "Duplicate deliveries": one already processed event posted
// again and again (same svix-id, body and headers) through the real route
// and through a bare route that only verifies the signature, in alternating
// batches so both see the same machine noise. Target: ≥ 0.5× the bare route's
// throughput, one indexed look-up per duplicate. Measured in process (the
// route functions alone) and over HTTP (node:http in front of both).
import { performance } from 'node:perf_hooks';
import { WebhookEvent } from '@/lib/db';
import { startRouteServer } from '../httpServer';
import { countMongoCommands } from '../mongoCommands';
import { runPool } from '../pool';
import { check, type Row, target } from '../report';
import { type Bench, resetState } from '../services';
import { count, formatTally, perSecond, ratio, tally } from '../stats';
import { type Answer, bareRoute, post, realRoute, signUpUsers, svixHeaders } from '../webhook';

const DELIVERIES = 2_000;
const BATCH = 100;
const CONCURRENCY = 10;
const WARM_UP = 200;
const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);

type Arm = 'real' | 'bare' | 'lookUp' | 'realHttp' | 'bareHttp';

export async function duplicateDeliveries(bench: Bench): Promise<Row[]> {
  const { clerk } = bench;
  await resetState(bench);
  const [message] = signUpUsers(clerk, 1, 'duplicate');
  if (!message) throw new Error('no user.created message');
  const headers = svixHeaders(message, clerk.webhookSecret);
  const first = await post(realRoute, message.payload, headers);
  clerk.requests.clear();

  const server = await startRouteServer({ '/real': realRoute, '/bare': bareRoute });
  const overHttp = async (path: string): Promise<Answer> => {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', body: message.payload, headers });
    return { status: response.status, outcome: ((await response.json()) as { status?: string }).status ?? '?' };
  };
  const once: Record<Arm, () => Promise<Answer | unknown>> = {
    real: () => post(realRoute, message.payload, headers),
    bare: () => post(bareRoute, message.payload, headers),
    // The event log's query alone, as lib/db claimEvent sends it: the database
    // round trip apart from the route's own work.
    lookUp: () => WebhookEvent.findOne({ svixId: message.svixId }, { status: 1, leaseUntil: 1 }).lean(),
    realHttp: () => overHttp('/real'),
    bareHttp: () => overHttp('/bare'),
  };
  const arms = Object.keys(once) as Arm[];
  const batch = (arm: Arm, n: number) => runPool(Array.from({ length: n }), CONCURRENCY, once[arm]);

  const elapsed = Object.fromEntries(arms.map((a) => [a, 0])) as Record<Arm, number>;
  const answers: Answer[] = [];
  const realCommands: string[] = [];
  const commands = countMongoCommands();
  try {
    for (const arm of arms) await batch(arm, WARM_UP);
    for (let done = 0; done < DELIVERIES; done += BATCH) {
      for (const arm of arms) {
        commands.reset();
        const started = performance.now();
        const results = await batch(arm, BATCH);
        elapsed[arm] += performance.now() - started;
        if (arm === 'real' || arm === 'realHttp') answers.push(...(results as Answer[]));
        if (arm === 'real') realCommands.push(...commands.names());
      }
    }
  } finally {
    commands.stop();
    await server.stop();
  }

  const rate = (arm: Arm) => DELIVERIES / (elapsed[arm] / 1000);
  const inProcess = rate('real') / rate('bare');
  const http = rate('realHttp') / rate('bareHttp');
  // Bare route and look-up one after the other: what the route would cost with nothing else added.
  const floor = 1 / (1 / rate('bare') + 1 / rate('lookUp'));
  const perDuplicate = realCommands.length / DELIVERIES;
  const writes = realCommands.filter((c) => WRITES.has(c)).length;
  const clerkCalls = clerk.requests.count();
  const s = 'duplicates';
  return [
    {
      scenario: s,
      metric: `1 event processed, then ${count(2 * DELIVERIES)} duplicate deliveries (${CONCURRENCY} in flight)`,
      measured: `first: ${first.status} ${first.outcome}; then ${formatTally(tally(answers.map((a) => `${a.status} ${a.outcome}`)))}; ${clerkCalls} Clerk calls, ${writes} MongoDB writes`,
      target: 'all 200 duplicate, no side effects',
      verdict: check(first.outcome === 'processed' && answers.every((a) => a.status === 200 && a.outcome === 'duplicate') && clerkCalls === 0 && writes === 0),
    },
    {
      scenario: s,
      metric: `throughput real / bare route, in process (${DELIVERIES / BATCH} alternating batches of ${BATCH})`,
      measured: `${perSecond(rate('real'))} / ${perSecond(rate('bare'))} → ${ratio(inProcess)}`,
      target: '≥ 0.50×',
      verdict: target(inProcess >= 0.5),
    },
    {
      scenario: s,
      metric: 'the same over HTTP (node:http in front of each route, fetch client)',
      measured: `${perSecond(rate('realHttp'))} / ${perSecond(rate('bareHttp'))} → ${ratio(http)}`,
      target: '≥ 0.50×',
      verdict: target(http >= 0.5),
    },
    {
      scenario: s,
      metric: 'the event-log look-up alone (findOne by svixId, lean)',
      measured: `${perSecond(rate('lookUp'))}; bare route + this look-up in sequence → ${perSecond(floor)} = ${ratio(floor / rate('bare'))} of bare (in process)`,
      target: '(breakdown)',
      verdict: 'INFO',
    },
    {
      scenario: s,
      metric: 'MongoDB commands per duplicate (driver command monitoring)',
      measured: `${perDuplicate.toFixed(2)} (${formatTally(tally(realCommands))})`,
      target: '1 look-up (unique index on svixId)',
      verdict: target(perDuplicate <= 1 && writes === 0),
    },
  ];
}
