// DESIGN.md §7: absolute URLs (the sign-in redirect, Clerk's handshake
// return URL) come from the configured app URL, never from a client-supplied
// X-Forwarded-Host, unless the deployment declares its proxy trusted.

const FORWARDED = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

export type TrustOptions = {
  /** APP_URL: the public origin of the app. */
  appUrl?: string;
  /** TRUST_PROXY: the proxy in front sets X-Forwarded-* itself (Vercel, a load balancer). */
  trustProxy: boolean;
};

/**
 * The headers and URL the app should see for a request: with APP_URL, its
 * origin, whatever the client claimed; else the request's own host, with the
 * forwarded headers dropped unless a proxy is trusted. Null when nothing changes.
 */
export function trustedHeaders(url: URL, headers: Headers, { appUrl, trustProxy }: TrustOptions): { url: URL; headers: Headers } | null {
  const present = FORWARDED.filter((name) => headers.has(name));
  if (!appUrl && (trustProxy || present.length === 0)) return null;
  const next = new Headers(headers);
  if (!trustProxy) for (const name of present) next.delete(name);
  if (!appUrl) return { url, headers: next };
  const app = new URL(appUrl);
  next.set('host', app.host);
  next.set('x-forwarded-host', app.host);
  next.set('x-forwarded-proto', app.protocol.replace(':', ''));
  next.delete('x-forwarded-port');
  next.delete('forwarded');
  return { url: new URL(`${url.pathname}${url.search}`, app.origin), headers: next };
}
