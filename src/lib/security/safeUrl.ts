const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The URL if it may be shown as an image: an absolute https: URL (Clerk's
 * image host), or http: on this machine's loopback (what a local Clerk
 * serves; harmless elsewhere, and the CSP allows only Clerk's hosts anyway).
 * Anything else — `javascript:`, `data:`, http: to another host — is null.
 */
export function safeImageUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return value;
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? value : null;
  } catch {
    return null;
  }
}
