// The org CSV (DESIGN.md §3): the pre-rollback format, admins as `;`-separated emails.
export const CSV_COLUMNS = ['shortName', 'name', 'logoUrl', 'isTestOrg', 'admins'] as const;

export type OrgCsvRow = {
  shortName: string;
  name: string;
  logoUrl: string | null;
  isTestOrg: boolean;
  admins: string[];
};

// A spreadsheet runs a cell that starts with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Export: a leading `'` makes a spreadsheet show the cell as text instead of running it. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Import: undoes `neutralise`, so export → import is a no-op. */
export function unneutralise(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
