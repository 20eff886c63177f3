import { test as base, expect } from '@playwright/test';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Every e2e test fails if the page asks anything of a host off this machine:
 * the app must run offline (no Clerk CDN, no fonts, no telemetry).
 */
export const test = base.extend<{ offHostRequests: string[]; devBrowser: void }>({
  // Clerk development instances redirect a browser without a dev-browser
  // cookie to the Frontend API's handshake first; this stands for a browser
  // that has already been through it.
  devBrowser: [
    async ({ context, baseURL }, use) => {
      await context.addCookies([{ name: '__clerk_db_jwt', value: 'dvb_e2e_browser', url: baseURL! }]);
      await use();
    },
    { auto: true },
  ],
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
