import { test as base, expect } from '@playwright/test';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * Every e2e test fails if the page asks anything of a host off this machine:
 * the app must run offline (no Clerk CDN, no fonts, no telemetry). And every
 * test runs with the app's Content-Security-Policy on (DESIGN.md §7): a
 * `securitypolicyviolation` in any page fails it, so Clerk's components are
 * proven to work under the policy wherever a test uses them.
 */
// A browser without a dev browser cookie goes through clerk-local's real
// handshake (GET /v1/client/handshake) on its first page, as with Clerk.
export const test = base.extend<{ offHostRequests: string[]; cspViolations: string[] }>({
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
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
          report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${e.documentURI}`);
        });
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
