import { expect, test } from './fixtures';
import { E2E_RECONCILE_SECRET } from './localConfig';

test('the reconcile route refuses a wrong secret and runs a dry run with the right one', async ({ request }) => {
  expect((await request.post('/api/admin/reconcile')).status()).toBe(401);
  expect((await request.post('/api/admin/reconcile', { headers: { authorization: 'Bearer not-the-secret' } })).status()).toBe(401);
  const response = await request.post('/api/admin/reconcile', { headers: { authorization: `Bearer ${E2E_RECONCILE_SECRET}` } });
  expect(response.status()).toBe(200);
  const report = (await response.json()) as { apply: boolean; counts: Record<string, number> };
  expect(report.apply).toBe(false);
  expect(Object.keys(report.counts)).toContain('unknown-clerk-org');
});
