// Next runs register() once when a server process starts: the background job
// runner starts with it, so an import a previous process left half-done
// resumes without waiting for a request (issue 12). Node runtime only.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('@/lib/env');
  if (!env().TENANTRY_JOBS) return;
  const { backgroundJobs } = await import('@/lib/tenants');
  const { log } = await import('@/lib/log');
  backgroundJobs().catch((error: unknown) => log.error({ err: error }, 'background jobs did not start; the first import will try again'));
}
