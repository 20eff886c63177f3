// lib/security: pure helpers for the HTTP edge (DESIGN.md §7). No I/O; safe in the middleware's edge runtime.
export { API_CONTENT_SECURITY_POLICY, clerkOrigins, newNonce, pageContentSecurityPolicy } from './csp';
export { trustedHeaders } from './trustedRequest';
export { detectImageType } from './imageType';
export { MAX_LOGO_BYTES, MAX_REQUEST_BODY_BYTES } from './limits';
export { safeImageUrl } from './safeUrl';
