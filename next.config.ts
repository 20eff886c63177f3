import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { parseEnv } from './src/lib/env/parseEnv';
import { staticSecurityHeaders } from './src/lib/security/headers';
import { API_CONTENT_SECURITY_POLICY } from './src/lib/security/csp';
import { MAX_REQUEST_BODY } from './src/lib/security/limits';

// Fail `next build`, `next start` and `next dev` at once, naming every missing
// or malformed variable, instead of failing on the first request that needs it.
parseEnv(process.env);

const withNextIntl = createNextIntlPlugin({
  requestConfig: './src/i18n/request.ts',
  // Messages compiled at build time: the browser gets next-intl's formatter
  // without the ICU parser (intl-messageformat, ~12 KB gzipped), DESIGN.md §6.
  experimental: { messages: { path: './src/i18n/messages', format: 'json', locales: 'infer', precompile: true } },
});

const nextConfig: NextConfig = {
  // `npm run bench` builds into its own directory (NEXT_DIST_DIR=.next-bench), leaving the e2e suite's .next alone.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  // Only the bench's build: it attributes each chunk's bytes to packages by these maps.
  productionBrowserSourceMaps: process.env.TENANTRY_BROWSER_SOURCE_MAPS === '1',
  poweredByHeader: false,
  // The job library and the multipart parser run as plain Node packages (not bundled).
  serverExternalPackages: ['agenda', '@agendajs/mongo-backend', 'busboy'],
  // The browser never loads the Pages Router that Clerk's provider imports but does not use (src/shims/noPagesRouter.ts).
  turbopack: {
    resolveAlias: {
      'next/router': { browser: './src/shims/noPagesRouter.ts' },
      'next/script': { browser: './src/shims/noPagesRouter.ts' },
    },
  },
  // `npm run dev` with DEV_BROWSER_HOST=127.0.0.1 serves the app by that address too.
  allowedDevOrigins: ['127.0.0.1'],
  // forbidden() for members who lack a role (DESIGN.md §3 Access).
  experimental: {
    authInterrupts: true,
    // Platform admins upload org CSVs (up to 20 MB) through a server action;
    // the middleware must pass that much on (its default keeps 10 MB) and
    // answers 413 above it.
    serverActions: { bodySizeLimit: MAX_REQUEST_BODY },
    proxyClientMaxBodySize: MAX_REQUEST_BODY,
  },
  // DESIGN.md §7: on every response, static files and webhooks included. The
  // middleware adds each page's nonce-based Content-Security-Policy.
  async headers() {
    return [
      { source: '/:path*', headers: staticSecurityHeaders({ production: process.env.NODE_ENV === 'production' }) },
      // Not seen by the middleware (Svix posts there), so its policy is set here.
      { source: '/api/webhooks/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
  env: {
    // Keyless mode and telemetry both need Clerk's servers; Tenantry always
    // runs with explicit keys (real ones, or tools/clerk-local's).
    NEXT_PUBLIC_CLERK_KEYLESS_DISABLED: 'true',
    NEXT_PUBLIC_CLERK_TELEMETRY_DISABLED: 'true',
  },
};

export default withNextIntl(nextConfig);
