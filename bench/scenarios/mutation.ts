// DESIGN.md §6 "A mutation (e.g. rename) with 50 ms injected Clerk latency:
// within 1.3× the floor of its Clerk calls." The rename server action of the
// settings page, posted as the browser posts it (Next-Action header, React's
// encoded reply) to the real app on next start (bench/nextApp.ts, reusing the
// build the page-view scenario made), by an admin whose session has the org
// active. Every mutation decides on a live membership check (issue 9), so its
// Clerk calls are that check plus the rename itself; the floor is their count
// (from clerk-local's request log) × 50 ms, since they run one after another.
import { createClerkClient } from '@clerk/backend';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startNextApp } from '../nextApp';
import { check, type Row, target } from '../report';
import type { Bench } from '../services';
import { formatTally, ms, percentile, ratio, tally } from '../stats';

const RENAMES = 40;
const WARM_UP = 5;
const LATENCY_MS = 50;
const MEMBERSHIP_ROUTE = '/v1/organizations/{organization_id}/memberships';
const SETTLE_TIMEOUT_MS = 30_000;

// React's own encoding of server action arguments, from the copy Next ships (the browser uses the same).
const { encodeReply } = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-webpack/client.edge.js') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** The id Next gave the `updateOrgSettings` action in this build. */
function actionId(distDir: string): string {
  const manifest = JSON.parse(readFileSync(`${distDir}/server/server-reference-manifest.json`, 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === 'updateOrgSettings');
  if (!found) throw new Error(`no updateOrgSettings action in ${distDir}/server/server-reference-manifest.json`);
  return found[0];
}

export async function mutation(bench: Bench, progress: (line: string) => void): Promise<Row[]> {
  const app = await startNextApp({ mongoUri: `${bench.mongo.uri}tenantry-bench-mutation`, progress, reuseBuild: true });
  try {
    return await measure(app, progress);
  } finally {
    app.clerk.faults.reset();
    await app.stop();
  }
}

async function measure(app: Awaited<ReturnType<typeof startNextApp>>, progress: (line: string) => void): Promise<Row[]> {
  const { clerk, url } = app;
  const sdk = createClerkClient({ secretKey: clerk.secretKey, apiUrl: clerk.url });
  const stamp = Date.now().toString(36);
  const admin = await sdk.users.createUser({ emailAddress: [`mutation-${stamp}@bench.example.com`] });
  const org = await sdk.organizations.createOrganization({ name: `Bench Rename ${stamp}`, slug: `bench-rename-${stamp}`, createdBy: admin.id });
  const { cookies } = clerk.mintSession({ userId: admin.id, orgId: org.id, ttlSeconds: 3600, origin: url });
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  const page = `${url}/en/${org.slug}/settings`;
  const id = actionId(app.distDir);

  progress('mutation: waiting for the webhooks to adopt the org…');
  const settleBy = Date.now() + SETTLE_TIMEOUT_MS;
  while ((await fetch(page, { headers: { cookie }, redirect: 'manual' })).status !== 200 || !(await sdk.users.getUser(admin.id)).publicMetadata.newTenantSlug) {
    if (Date.now() > settleBy) throw new Error(`org not adopted within ${SETTLE_TIMEOUT_MS / 1000} s`);
    await sleep(250);
  }
  await sleep(500);

  const rename = async (name: string) => {
    const form = new FormData();
    form.set('intent', 'rename');
    form.set('shortName', org.slug!);
    form.set('name', name);
    const started = performance.now();
    const response = await fetch(page, { method: 'POST', headers: { cookie, 'next-action': id, accept: 'text/x-component' }, body: await encodeReply([null, form]) });
    const body = await response.text();
    const ms = performance.now() - started;
    // What the form does next: the page read again (router.refresh, an RSC request).
    const refresh = await fetch(page, { headers: { cookie, rsc: '1' } });
    const refreshed = (await refresh.text()).includes(name);
    return { ms, withRefreshMs: performance.now() - started, ok: response.status === 200 && body.includes('"saved"') && refreshed, status: response.status };
  };

  for (let i = 0; i < WARM_UP; i += 1) await rename(`Bench Warm ${i}`);
  // The same renames without injected latency first: the app's own share of the time, for reading the ratio.
  const bare = [];
  for (let i = 0; i < RENAMES; i += 1) bare.push(await rename(`Bench Bare ${i}`));
  clerk.faults.set({ latencyMs: LATENCY_MS });
  progress(`mutation: ${RENAMES} renames, one at a time, ${LATENCY_MS} ms Clerk latency…`);
  clerk.requests.clear();
  const samples = [];
  for (let i = 0; i < RENAMES; i += 1) samples.push(await rename(`Bench Renamed ${i}`));
  const calls = clerk.requests.list();
  clerk.faults.reset();

  const finalName = (await sdk.organizations.getOrganization({ organizationId: org.id })).name;
  const callsPerRename = calls.length / RENAMES;
  const checksPerRename = calls.filter((c) => c.method === 'GET' && c.route === MEMBERSHIP_ROUTE).length / RENAMES;
  const floor = callsPerRename * LATENCY_MS;
  const p50 = percentile(samples.map((s) => s.ms), 50);
  const p99 = percentile(samples.map((s) => s.ms), 99);
  const s = 'mutation';
  return [
    {
      scenario: s,
      metric: `${RENAMES} renames (settings server action, next start), sequential, ${LATENCY_MS} ms Clerk latency, org active in the session`,
      measured: `${formatTally(tally(samples.map((x) => (x.ok ? `${x.status} saved, new name on the page` : `${x.status} not saved or not shown`))))}; Clerk has "${finalName}"`,
      target: `${RENAMES} × saved, last name in Clerk`,
      verdict: check(samples.every((x) => x.ok) && finalName === `Bench Renamed ${RENAMES - 1}`),
    },
    {
      scenario: s,
      metric: 'Clerk calls per rename (request log)',
      measured: `${callsPerRename.toFixed(2)} (${formatTally(tally(calls.map((c) => `${c.method} ${c.route ?? c.path}`)))})`,
      target: 'exactly 1 live membership check',
      verdict: check(checksPerRename === 1),
    },
    {
      scenario: s,
      metric: `rename latency vs the floor (${callsPerRename.toFixed(2)} calls × ${LATENCY_MS} ms = ${ms(floor)})`,
      measured: `p50 ${ms(p50)} → ${ratio(p50 / floor)}; p99 ${ms(p99)} → ${ratio(p99 / floor)}`,
      target: 'p50 ≤ 1.3×',
      verdict: target(p50 <= 1.3 * floor),
    },
    {
      scenario: s,
      metric: 'rename, then the page read again as the form does (router.refresh: a page view, no Clerk call)',
      measured: `p50 ${ms(percentile(samples.map((x) => x.withRefreshMs), 50))} → ${ratio(percentile(samples.map((x) => x.withRefreshMs), 50) / floor)} of the rename's floor`,
      target: '—',
      verdict: 'INFO',
    },
    {
      scenario: s,
      metric: 'the same renames with no injected latency (the app and loopback Clerk alone)',
      measured: `p50 ${ms(percentile(bare.map((x) => x.ms), 50))}, p99 ${ms(percentile(bare.map((x) => x.ms), 99))}; ${bare.filter((x) => x.ok).length}/${RENAMES} saved`,
      target: '—',
      verdict: 'INFO',
    },
  ];
}
