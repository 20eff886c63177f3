export { exportOrgsCsvWith, type CsvExportPorts } from './exportOrgs';
export { importOrgsCsv } from './importOrgs';
export { CSV_PROBLEM_CODES, type CsvProblemDetail } from './problems';
export { checkRecord, countPlan, emptyCounts, planBatch, type ClerkState, type CsvImportPorts } from './plan';
