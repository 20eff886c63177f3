import { describe, expect, it } from 'vitest';
import { ensureWorkspaceWith } from '@/lib/tenants/ensureWorkspace';
import { fakePorts } from './fakes';

describe('ensureWorkspaceWith (the first visit)', () => {
  it('provisions the test org itself when the webhook has not', async () => {
    const { ports, calls } = fakePorts();
    expect(await ensureWorkspaceWith('user_a', { provisionOnVisit: true }, ports)).toMatchObject({ status: 'ready', shortName: 'test-0001', clerkOrgId: expect.stringMatching(/^org_/) });
    expect(calls).toEqual(['createOrganization', 'mergeUserPublicMetadata']);
  });

  it('only waits when the fallback is turned off (webhooks only)', async () => {
    const { ports, calls, tenants } = fakePorts();
    expect(await ensureWorkspaceWith('user_a', { provisionOnVisit: false }, ports)).toEqual({ status: 'preparing' });
    expect(calls).toEqual([]);
    expect(tenants.size).toBe(0);
  });

  it('answers ready without calling Clerk once the org is active', async () => {
    const { ports, calls } = fakePorts();
    await ensureWorkspaceWith('user_a', { provisionOnVisit: true }, ports);
    calls.length = 0;
    expect(await ensureWorkspaceWith('user_a', { provisionOnVisit: false }, ports)).toMatchObject({ status: 'ready' });
    expect(calls).toEqual([]);
  });

  it('reports an archived test org as unavailable instead of making a second', async () => {
    const { ports, tenants } = fakePorts();
    await ensureWorkspaceWith('user_a', { provisionOnVisit: true }, ports);
    tenants.get('test-0001')!.status = 'archived';
    expect(await ensureWorkspaceWith('user_a', { provisionOnVisit: true }, ports)).toEqual({ status: 'unavailable' });
    expect(tenants.size).toBe(1);
  });
});
