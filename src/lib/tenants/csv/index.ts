export { CSV_COLUMNS, neutralise, unneutralise, type OrgCsvRow } from './format';
export { exportOrgRows, type CsvExportPorts } from './exportOrgs';
export { importOrgsCsv, type CsvProblem, type ImportReport } from './importOrgs';
export type { CsvImportPorts } from './plan';
