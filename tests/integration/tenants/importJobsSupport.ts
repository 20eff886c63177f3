export { backgroundJobs, getImport, importProblemsCsv, type ImportView, stopBackgroundJobs } from '@/lib/tenants';
export { requestImportCancel as requestCancel } from '@/lib/db';
