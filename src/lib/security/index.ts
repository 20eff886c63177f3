// lib/security: pure helpers for the HTTP edge (DESIGN.md §7). No I/O; safe in the middleware's edge runtime.
export {
  API_CONTENT_SECURITY_POLICY,
  CLERK_IMAGE_ORIGIN,
  clerkOrigins,
  newNonce,
  pageContentSecurityPolicy,
  type ClerkBrowserConfig,
} from './csp';
export { staticSecurityHeaders } from './headers';
export { trustedHeaders, type TrustOptions } from './trustedRequest';
export { detectImageType, LOGO_TYPES, type LogoType } from './imageType';
export { MAX_LOGO_BYTES, MAX_REQUEST_BODY, MAX_REQUEST_BODY_BYTES } from './limits';
export { safeImageUrl } from './safeUrl';
