// The tenant slug rule (DESIGN.md §3): `shortName` is both the URL segment
// `/{locale}/{shortName}` and the Clerk org slug.

const SHORT_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

// Static segments under `src/app/[locale]` win over `[tenant]`, so a tenant
// with one of these names would be unreachable. Keep in step with the routes;
// a few likely future segments are reserved ahead of time.
export const RESERVED_SHORT_NAMES: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'event',
  'onboarding',
  'settings',
  'sign-in',
  'sign-out',
  'sign-up',
]);

export function isValidShortName(value: string): boolean {
  return SHORT_NAME_PATTERN.test(value) && !RESERVED_SHORT_NAMES.has(value);
}
