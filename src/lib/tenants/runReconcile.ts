import { env } from '@/lib/env';
import { reconcilePorts } from './ports';
import { reconcile, type ReconcileReport } from './reconcile';

/** reconcile against the configured Clerk and MongoDB, honouring the provisioning setting. */
export async function runReconcile({ apply }: { apply: boolean }): Promise<ReconcileReport> {
  return reconcile({ apply }, reconcilePorts({ provisionMissing: env().TENANTRY_PROVISION_ON_FIRST_VISIT }));
}

/** One line per kind with its count, then one per finding. */
export function formatReport(report: ReconcileReport): string {
  const mode = report.apply ? 'applied' : 'dry run (pass --apply to fix)';
  const counts = Object.entries(report.counts).map(([kind, n]) => `  ${kind}: ${n}`);
  const lines = report.findings.map((f) => `  - [${f.kind}] ${f.subject}: ${f.detail}${f.fixed ? ' (fixed)' : ''}`);
  return [`reconcile — ${mode}: ${report.findings.length} finding(s)`, ...counts, ...lines].join('\n');
}
