// DESIGN.md §6 "Tenant page views" needs a running Next server (next build +
// next start, session cookies from clerk-local); not measured by this bench.
import type { Row } from '../report';

export function pageViewsSkipped(): Row[] {
  return [
    {
      scenario: 'page views',
      metric: 'tenant page vs. a page that only runs auth()',
      measured: 'not measured: needs a running Next server (next build + next start); the e2e suite counts its Clerk calls',
      target: '≥ 0.70×, 0 Clerk calls',
      verdict: 'SKIP',
    },
  ];
}
