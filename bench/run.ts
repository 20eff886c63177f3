// `npm run bench` (DESIGN.md §6): each target measured as a ratio of figures
// taken side by side in this one run, everything on loopback. Prints a
// summary table; exits 1 only when a correctness check fails (FAIL), never
// for a missed target (MISS).
import './quietLogs';
import { performance } from 'node:perf_hooks';
import { formatTable, type Row } from './report';
import { burst } from './scenarios/burst';
import { duplicateDeliveries } from './scenarios/duplicates';
import { csvImport } from './scenarios/csvImport';
import { mutation } from './scenarios/mutation';
import { pageViews } from './scenarios/pageViews';
import { pageWeight } from './scenarios/pageWeight';
import { signUpToTenantReady } from './scenarios/signUp';
import { startBench } from './services';

const progress = (line: string) => process.stderr.write(`  … ${line}\n`);

async function main(): Promise<number> {
  const bench = await startBench();
  const rows: Row[] = [];
  const scenarios: [string, () => Promise<Row[]>][] = [
    ['sign-up to tenant ready', () => signUpToTenantReady(bench)],
    ['duplicate deliveries', () => duplicateDeliveries(bench)],
    ['burst', () => burst(bench, progress)],
    ['CSV import', () => csvImport(bench, progress)],
    ['page views', () => pageViews(bench, progress)],
    ['mutation', () => mutation(bench, progress)],
    ['page weight and browser sign-up', () => pageWeight(bench, progress)],
  ];
  // BENCH_ONLY=CSV runs the scenarios whose name contains it (e.g. the CSV import alone).
  const only = process.env.BENCH_ONLY;
  try {
    for (const [name, run] of scenarios.filter(([n]) => !only || n.includes(only))) {
      const started = performance.now();
      progress(`${name}…`);
      try {
        rows.push(...(await run()));
      } catch (error) {
        rows.push({ scenario: name, metric: 'scenario crashed', measured: error instanceof Error ? error.message : String(error), target: 'runs to the end', verdict: 'FAIL' });
      }
      progress(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await bench.stop();
  }
  const failed = rows.filter((r) => r.verdict === 'FAIL');
  const missed = rows.filter((r) => r.verdict === 'MISS');
  console.log(`\nTenantry bench (DESIGN.md §6), Node ${process.version}, clerk-local in process, mongo-local in a child process (CSV import: a worker process; page views: next start, its own clerk-local), loopback only\n`);
  console.log(formatTable(rows));
  console.log(
    `\n${rows.filter((r) => r.verdict === 'PASS').length} targets met, ${missed.length} missed (reported, not fatal); ` +
      `${failed.length} correctness checks failed${failed.length ? ' → exit 1' : ''}.`,
  );
  return failed.length ? 1 : 0;
}

process.exitCode = await main();
