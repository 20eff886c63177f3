// The bench's result rows and the summary table printed at the end.

/**
 * PASS/MISS: a DESIGN.md §6 target met or not (a MISS is reported, not fatal).
 * OK/FAIL: a correctness check (a FAIL makes the bench exit 1).
 * INFO: a figure without a target. SKIP: not measured, with the reason.
 */
export type Verdict = 'PASS' | 'MISS' | 'OK' | 'FAIL' | 'INFO' | 'SKIP';

export type Row = { scenario: string; metric: string; measured: string; target: string; verdict: Verdict };

export const target = (met: boolean): Verdict => (met ? 'PASS' : 'MISS');
export const check = (ok: boolean): Verdict => (ok ? 'OK' : 'FAIL');

/** Plain-text table, columns padded to their widest cell; long cells wrap inside their column. */
export function formatTable(rows: readonly Row[]): string {
  const header: Row = { scenario: 'scenario', metric: 'metric', measured: 'measured', target: 'target', verdict: 'PASS' };
  const columns = ['scenario', 'metric', 'measured', 'target', 'verdict'] as const;
  const maxWidth = { scenario: 12, metric: 40, measured: 58, target: 22, verdict: 7 };
  const wrap = (text: string, width: number): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    return [...lines, line];
  };
  const cells = (row: Row) => columns.map((c) => wrap(row === header ? c : row[c], maxWidth[c]));
  const all = [header, ...rows].map(cells);
  const widths = columns.map((_, i) => Math.max(...all.flatMap((r) => (r[i] as string[]).map((l) => l.length))));
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const render = (row: string[][]) => {
    const height = Math.max(...row.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => row.map((c, i) => (c[k] ?? '').padEnd(widths[i] as number)).join(' | ').trimEnd());
  };
  const out: string[] = [...render(all[0] as string[][]), rule];
  let previous = '';
  for (const [i, row] of rows.entries()) {
    if (previous && row.scenario !== previous) out.push(rule);
    const cellsOfRow = all[i + 1] as string[][];
    // Name the scenario on its first row only.
    if (row.scenario === previous) cellsOfRow[0] = [''];
    out.push(...render(cellsOfRow));
    previous = row.scenario;
  }
  return out.join('\n');
}
