// `npm run bench:mongo-local`: tools/mongo-local's own figures (issue 13),
// each a ratio of two figures taken side by side in this run. Prints a
// table; exits 1 only when a correctness check fails, never for a missed target.
import { formatTable, type Row } from '../report';
import { inserts } from './inserts';
import { lookups } from './lookups';

const progress = (line: string) => process.stderr.write(`  … ${line}\n`);

async function main(): Promise<number> {
  const rows: Row[] = [];
  for (const [name, run] of [['inserts', inserts], ['findOne', lookups]] as const) {
    try {
      rows.push(...(await run(progress)));
    } catch (error) {
      rows.push({ scenario: name, metric: 'scenario crashed', measured: error instanceof Error ? error.message : String(error), target: 'runs to the end', verdict: 'FAIL' });
    }
  }
  console.log(`\nmongo-local bench, Node ${process.version}, server in a child process, loopback only\n`);
  console.log(formatTable(rows));
  const failed = rows.filter((row) => row.verdict === 'FAIL').length;
  const missed = rows.filter((row) => row.verdict === 'MISS').length;
  console.log(`\n${rows.filter((row) => row.verdict === 'PASS').length} targets met, ${missed} missed (reported, not fatal); ${failed} correctness checks failed${failed ? ' → exit 1' : ''}.`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
