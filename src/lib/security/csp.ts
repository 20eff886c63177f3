// DESIGN.md §7: a Content-Security-Policy that allows exactly the app and
// Clerk. Scripts need this request's nonce (Next puts it on its own inline
// scripts, ClerkProvider on Clerk's) or must come from the app or Clerk's
// hosts; Clerk's components style themselves at run time (inline styles) and
// show avatars and logos from Clerk's image host.

/** Where Clerk's images live in production (avatars, org logos). */
const CLERK_IMAGE_ORIGIN = 'https://img.clerk.com';
/** Clerk's bot protection on sign-up (a Cloudflare Turnstile script and frame). */
const CLERK_BOT_PROTECTION_ORIGIN = 'https://challenges.cloudflare.com';

export type ClerkBrowserConfig = {
  publishableKey?: string;
  proxyUrl?: string;
  jsUrl?: string;
  uiUrl?: string;
};

/** The Frontend API host a publishable key names: base64 of `host$` (atob: this runs in the edge runtime too). */
function frontendApiOrigin(publishableKey: string | undefined): string | null {
  const match = /^pk_(?:test|live)_([A-Za-z0-9+/_-]+)$/.exec(publishableKey ?? '');
  if (!match?.[1]) return null;
  try {
    const decoded = atob(match[1].replace(/-/g, '+').replace(/_/g, '/'));
    return decoded.endsWith('$') ? `https://${decoded.slice(0, -1)}` : null;
  } catch {
    return null;
  }
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The origins the browser talks to for Clerk: the proxy when one is
 * configured (clerk-js then sends every Frontend API call there), else the
 * host in the publishable key; plus wherever clerk-js and @clerk/ui are served from.
 */
export function clerkOrigins(config: ClerkBrowserConfig): string[] {
  const frontendApi = originOf(config.proxyUrl) ?? frontendApiOrigin(config.publishableKey);
  const all = [frontendApi, originOf(config.jsUrl), originOf(config.uiUrl)].filter((o): o is string => o !== null);
  return [...new Set(all)];
}

export type CspOptions = {
  nonce: string;
  clerk: ClerkBrowserConfig;
  /** `next dev` evaluates code for Fast Refresh and needs 'unsafe-eval'. */
  dev: boolean;
};

/** The policy of an HTML page. */
export function pageContentSecurityPolicy({ nonce, clerk, dev }: CspOptions): string {
  const clerkHosts = clerkOrigins(clerk);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, ...clerkHosts, CLERK_BOT_PROTECTION_ORIGIN, ...(dev ? ["'unsafe-eval'"] : [])],
    // Clerk's components use CSS-in-JS; a nonce here would disable 'unsafe-inline'.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', CLERK_IMAGE_ORIGIN, ...clerkHosts],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...clerkHosts],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'", CLERK_BOT_PROTECTION_ORIGIN],
    'form-action': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${[...new Set(values)].join(' ')}`)
    .join('; ');
}

/** The policy of anything that is not a page (API answers, errors): nothing may load, nothing may frame it. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** A fresh nonce per request (base64 of 16 random bytes). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
