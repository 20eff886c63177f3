export { CSV_COLUMNS, neutralise, unneutralise, type OrgCsvRow } from './format';
export { exportOrgRows, type CsvExportPorts } from './exportOrgs';
export { importOrgsCsv, type CsvProblem, type ImportReport } from './importOrgs';
export { checkRecord, countPlan, emptyCounts, planBatch, type ClerkState, type CsvImportPorts, type RowPlan } from './plan';
