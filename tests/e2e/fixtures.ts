import { test as base, expect } from '@playwright/test';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Every e2e test fails if the page asks anything of a host off this machine:
 * the app must run offline (no Clerk CDN, no fonts, no telemetry).
 */
// A browser without a dev browser cookie goes through clerk-local's real
// handshake (GET /v1/client/handshake) on its first page, as with Clerk.
export const test = base.extend<{ offHostRequests: string[] }>({
  offHostRequests: [
    async ({ page }, use) => {
      const offHost: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith('http') && !LOOPBACK.has(url.hostname)) offHost.push(request.url());
      });
      await use(offHost);
      expect(offHost, 'requests to hosts off this machine').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
