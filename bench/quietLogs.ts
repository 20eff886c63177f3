// Imported first by run.ts: lib/log reads LOG_LEVEL when it is imported, and
// the bench prints its own figures (failures it provokes are expected).
process.env.LOG_LEVEL ??= 'silent';
