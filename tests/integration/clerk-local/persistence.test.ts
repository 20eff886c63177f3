import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { verifyToken } from '@clerk/backend';
import { afterAll, describe, expect, it } from 'vitest';
import { startClerkLocal } from '../../../tools/clerk-local';
import { clientFor } from './fixture';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'clerk-local-'));
  dirs.push(d);
  return d;
}

describe('clerk-local persistence and CLI', () => {
  it('keeps keys, users, orgs and logos across a restart with the same dataDir', async () => {
    const dataDir = tempDir();
    const first = await startClerkLocal({ port: 0, dataDir });
    const clerk = clientFor(first);
    const user = await clerk.users.createUser({ emailAddress: ['persist@example.com'] });
    const org = await clerk.organizations.createOrganization({ name: 'Persist', slug: 'persist', createdBy: user.id });
    await clerk.organizations.updateOrganizationLogo(org.id, { file: new File([new Uint8Array([7, 7])], 'l.png', { type: 'image/png' }) });
    const token = first.mintSession({ userId: user.id, orgId: org.id }).token;
    await first.stop();

    const second = await startClerkLocal({ port: 0, dataDir });
    try {
      expect(second.secretKey).toBe(first.secretKey);
      expect(second.webhookSecret).toBe(first.webhookSecret);
      expect(second.jwtKey).toBe(first.jwtKey);
      const again = clientFor(second);
      expect((await again.users.getUser(user.id)).primaryEmailAddress?.emailAddress).toBe('persist@example.com');
      const got = await again.organizations.getOrganization({ slug: 'persist' });
      expect(got.hasImage).toBe(true);
      expect(new Uint8Array(await (await fetch(got.imageUrl)).arrayBuffer())).toEqual(new Uint8Array([7, 7]));
      expect((await verifyToken(token, { jwtKey: second.jwtKey })).sub).toBe(user.id);
    } finally {
      await second.stop();
    }
  });

  it('the CLI prints the env lines the app needs, and the SDK works with them', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/clerk-local/cli.ts', '--port', '0'], {
      cwd: join(import.meta.dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const env: Record<string, string> = {};
      for await (const line of createInterface({ input: child.stdout })) {
        const m = /^([A-Z_]+)=(.*)$/.exec(line);
        if (m?.[1]) env[m[1]] = (m[2] ?? '').replace(/^"(.*)"$/, '$1');
        if (m?.[1] === 'CLERK_WEBHOOK_SIGNING_SECRET') break;
      }
      expect(Object.keys(env).sort()).toEqual(
        ['CLERK_API_URL', 'CLERK_JWT_KEY', 'CLERK_SECRET_KEY', 'CLERK_WEBHOOK_SIGNING_SECRET', 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY'].sort(),
      );
      expect(env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY).toMatch(/^pk_test_[A-Za-z0-9+/]+$/);
      expect(env.CLERK_JWT_KEY).toMatch(/^-----BEGIN PUBLIC KEY-----\S+-----END PUBLIC KEY-----$/);
      const { createClerkClient } = await import('@clerk/backend');
      const clerk = createClerkClient({ secretKey: env.CLERK_SECRET_KEY, apiUrl: env.CLERK_API_URL, telemetry: { disabled: true } });
      expect(await clerk.users.getCount()).toBe(0);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
