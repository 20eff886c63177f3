/** One year, as HSTS preload lists expect. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers every response carries besides its CSP (DESIGN.md §7):
 * no framing (clickjacking of the admin pages), no MIME sniffing, no full
 * URLs leaking to other sites, HTTPS only in production.
 */
export function staticSecurityHeaders({ production }: { production: boolean }): Array<{ key: string; value: string }> {
  return [
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    ...(production ? [{ key: 'Strict-Transport-Security', value: HSTS }] : []),
  ];
}
