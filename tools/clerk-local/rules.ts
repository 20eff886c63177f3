// Clerk's own rules that the store enforces, kept apart so unit tests can pin them.
import { randomBase62 } from './ids';

export type Metadata = Record<string, unknown>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * PATCH .../metadata semantics: nested objects merge, `null` removes the key
 * at any depth, anything else (arrays included) replaces.
 */
export function deepMergeMetadata(base: Metadata, patch: Metadata): Metadata {
  const out: Metadata = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else if (isPlainObject(value) && isPlainObject(out[key])) {
      out[key] = deepMergeMetadata(out[key] as Metadata, value);
    } else {
      out[key] = structuredClone(value);
    }
  }
  return out;
}

/** The BAPI spec: "only lowercase alphanumeric characters (letters and digits) and the dash". */
export const SLUG_PATTERN = /^[a-z0-9-]+$/;

export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= 64 && SLUG_PATTERN.test(slug);
}

/** Clerk derives a slug from the name when none is given. */
export function slugFromName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents come apart under NFKD; keep the base letter
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return base || 'organization';
}

export function slugWithSuffix(slug: string): string {
  return `${slug}-${randomBase62(6).toLowerCase()}`;
}

/** Clerk's default organization roles and the system permissions they carry. */
export const ROLES: Record<string, { name: string; permissions: string[] }> = {
  'org:admin': {
    name: 'Admin',
    permissions: [
      'org:sys_profile:manage',
      'org:sys_profile:delete',
      'org:sys_memberships:read',
      'org:sys_memberships:manage',
      'org:sys_domains:read',
      'org:sys_domains:manage',
    ],
  },
  'org:member': { name: 'Member', permissions: ['org:sys_memberships:read'] },
};

export const ADMIN_ROLE = 'org:admin';

export function isKnownRole(role: string): boolean {
  return Object.hasOwn(ROLES, role);
}

/** `org:admin` → `admin`: the v2 session token's `o.rol` carries the role without its prefix. */
export function roleKey(role: string): string {
  return role.startsWith('org:') ? role.slice(4) : role;
}

/**
 * The v2 token's `fea`, `o.per` and `o.fpm` for a role: custom permissions
 * grouped by feature (`org:<feature>:<permission>`), `per` naming each
 * permission once and `fpm` one bitmask per feature over `per`. System
 * permissions (`org:sys_*`) never go into the token (clerk-docs
 * docs/guides/sessions/session-tokens.mdx), so Clerk's default roles give
 * empty lists.
 */
export function rolePermissionClaims(role: string): { fea: string; per: string; fpm: string } {
  const custom = (ROLES[role]?.permissions ?? [])
    .map((p) => p.split(':'))
    .filter((parts): parts is [string, string, string] => parts.length === 3 && parts[0] === 'org' && !parts[1]!.startsWith('sys_'));
  const features = [...new Set(custom.map(([, feature]) => feature))];
  const permissions = [...new Set(custom.map(([, , permission]) => permission))];
  const masks = features.map((feature) =>
    custom.filter(([, f]) => f === feature).reduce((mask, [, , p]) => mask | (1 << permissions.indexOf(p)), 0),
  );
  return { fea: features.map((f) => `o:${f}`).join(','), per: permissions.join(','), fpm: masks.join(',') };
}
