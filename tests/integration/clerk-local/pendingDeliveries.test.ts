import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startClerkLocal } from '../../../tools/clerk-local';
import { clientFor } from './fixture';
import { startReceiver } from './receiver';

// Svix never forgets a message it owes an endpoint; clerk-local keeps its
// pending deliveries in its data file and resumes them after a restart, so an
// event cannot stay `processing` in the app for good.
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('clerk-local pending webhook deliveries', () => {
  it('are delivered after a restart, with the same svix-id', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clerk-local-pending-'));
    dirs.push(dataDir);
    const webhookSecret = `whsec_${Buffer.from('pending-deliveries-secret').toString('base64')}`;
    const receiver = await startReceiver(webhookSecret);
    try {
      // The endpoint is unreachable (a laptop without a tunnel) while the user signs up.
      const first = await startClerkLocal({ port: 0, dataDir, webhookSecret, delivery: { paused: true } });
      const user = await clientFor(first).users.createUser({ emailAddress: ['pending@example.com'] });
      const owed = first.deliveries.list().find((m) => m.type === 'user.created');
      expect(owed?.state).toBe('queued');
      await first.stop();
      expect(receiver.received).toHaveLength(0);

      const second = await startClerkLocal({ port: 0, dataDir, webhookSecret, webhookUrl: receiver.url });
      try {
        await second.deliveries.idle();
        const delivered = receiver.received.filter((r) => r.payload.type === 'user.created');
        expect(delivered.map((r) => [r.id, r.verified, r.payload.data.id])).toEqual([[owed!.id, true, user.id]]);
        expect(second.deliveries.get(owed!.id)?.state).toBe('succeeded');
      } finally {
        await second.stop();
      }

      // Delivered messages are not owed any more: a third start sends nothing again.
      const count = receiver.received.length;
      const third = await startClerkLocal({ port: 0, dataDir, webhookSecret, webhookUrl: receiver.url });
      await third.deliveries.idle();
      await third.stop();
      expect(receiver.received).toHaveLength(count);
    } finally {
      await receiver.close();
    }
  });

  it('keeps a retry schedule across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clerk-local-pending-'));
    dirs.push(dataDir);
    const webhookSecret = `whsec_${Buffer.from('pending-retry-secret').toString('base64')}`;
    const failing = await startReceiver(webhookSecret, () => 503);
    const first = await startClerkLocal({ port: 0, dataDir, webhookSecret, webhookUrl: failing.url, delivery: { retryScale: 0.001 } });
    await clientFor(first).users.createUser({ emailAddress: ['retry@example.com'] });
    await expect.poll(() => failing.received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await first.stop();
    await failing.close();

    const receiver = await startReceiver(webhookSecret);
    const second = await startClerkLocal({ port: 0, dataDir, webhookSecret, webhookUrl: receiver.url, delivery: { retryScale: 0.001 } });
    try {
      await second.deliveries.idle();
      expect(receiver.types()).toContain('user.created');
      const msg = second.deliveries.list().find((m) => m.type === 'user.created');
      expect(msg?.state).toBe('succeeded');
      expect(msg!.attempts).toBeGreaterThan(1);
    } finally {
      await second.stop();
      await receiver.close();
    }
  });
});
