// The settings the edge middleware needs, read as the schema (schema.ts)
// defines them. Without zod: the middleware bundle stays small, and the values
// are validated already — next.config.ts parses the whole environment at build
// and env() at server start, so a bad value never reaches a request.

/** The middleware's configuration (DESIGN.md §7: trusted origin, CSP sources). */
export function middlewareConfig() {
  return {
    dev: process.env.NODE_ENV === 'development',
    appUrl: process.env.APP_URL || undefined,
    trustProxy: process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true',
    // NEXT_PUBLIC_ variables are written into the bundle at build: each read by its full name.
    clerk: {
      publishableKey: process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
      proxyUrl: process.env.NEXT_PUBLIC_CLERK_PROXY_URL,
      jsUrl: process.env.NEXT_PUBLIC_CLERK_JS_URL,
      uiUrl: process.env.NEXT_PUBLIC_CLERK_UI_URL,
    },
  };
}
