// `npm run reconcile [-- --apply]`: reports drift between Clerk and MongoDB,
// and repairs it with --apply (DESIGN.md §3). Reads the same configuration as
// the app (.env.local or the environment).
import nextEnv from '@next/env';

nextEnv.loadEnvConfig(process.cwd());
const apply = process.argv.includes('--apply');
const { disconnectDb } = await import('@/lib/db');
const { formatReport, reconcile } = await import('@/lib/tenants');
try {
  console.log(formatReport(await reconcile({ apply })));
} finally {
  await disconnectDb();
}
