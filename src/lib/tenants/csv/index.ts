export { exportOrgsCsvWith, type CsvExportPorts } from './exportOrgs';
export { importOrgsCsv } from './importOrgs';
export { checkRecord, countPlan, emptyCounts, planBatch, type ClerkState, type CsvImportPorts } from './plan';
