export { CSV_COLUMNS, neutralise, unneutralise, type OrgCsvRow } from './format';
export { exportOrgRows, type CsvExportPorts } from './exportOrgs';
export { importOrgsCsv, type ImportReport } from './importOrgs';
export { CSV_PROBLEM_CODES, csvProblemSchema, type CsvProblem, type CsvProblemCode, type CsvProblemDetail } from './problems';
export { checkRecord, countPlan, emptyCounts, planBatch, type ClerkState, type CsvImportPorts, type RowPlan } from './plan';
