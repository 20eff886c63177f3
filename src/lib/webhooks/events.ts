import { z } from 'zod';
import { safeImageUrl } from '@/lib/security';

// Zod schemas for the parts of Clerk's webhook payloads the handlers read
// (shapes from clerk-openapi/webhooks-2025-04-15.yml). Unknown fields pass.

export const envelopeSchema = z.object({
  object: z.literal('event'),
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
  timestamp: z.number().optional(),
});

const metadata = z.record(z.string(), z.unknown()).nullish().transform((m) => m ?? {});

const organizationSchema = z
  .object({
    id: z.string().startsWith('org_'),
    name: z.string(),
    slug: z.string(),
    image_url: z.string().nullish(),
    has_image: z.boolean().optional(),
    created_by: z.string().nullish(),
    public_metadata: metadata,
    updated_at: z.number().int().nonnegative(),
  })
  .transform((o) => ({
    id: o.id,
    name: o.name,
    slug: o.slug,
    // Only an https: image (Clerk's image host) becomes a logo: never `javascript:` or `data:`.
    logoUrl: o.has_image ? safeImageUrl(o.image_url) : null,
    createdBy: o.created_by ?? null,
    publicMetadata: o.public_metadata,
    updatedAt: new Date(o.updated_at),
  }));

const deletedSchema = z.object({ id: z.string().min(1), deleted: z.boolean().optional() });

const userSchema = z.object({ id: z.string().startsWith('user_') });

// A banned user's sessions are revoked by Clerk; their tokens must stop working here too.
const userUpdatedSchema = z
  .object({ id: z.string().startsWith('user_'), banned: z.boolean().optional(), updated_at: z.number().int().nonnegative().optional() })
  .transform((u) => ({ id: u.id, banned: u.banned === true, updatedAt: u.updated_at ?? null }));

const membershipSchema = z
  .object({
    organization: z.object({ id: z.string().startsWith('org_') }),
    public_user_data: z.object({ user_id: z.string().min(1) }),
    updated_at: z.number().int().nonnegative().optional(),
  })
  .transform((m) => ({ clerkOrgId: m.organization.id, userId: m.public_user_data.user_id, updatedAt: m.updated_at ?? null }));

/** The events Tenantry acts on, each with the schema its `data` must pass. */
const handledEvents = {
  'user.created': userSchema,
  'user.updated': userUpdatedSchema,
  'user.deleted': deletedSchema,
  'organization.created': organizationSchema,
  'organization.updated': organizationSchema,
  'organization.deleted': deletedSchema,
  'organizationMembership.created': membershipSchema,
  'organizationMembership.updated': membershipSchema,
  'organizationMembership.deleted': membershipSchema,
} as const;

export type HandledType = keyof typeof handledEvents;
type EventData<T extends HandledType> = z.output<(typeof handledEvents)[T]>;

export type ParsedEvent = {
  [T in HandledType]: { type: T; data: EventData<T>; objectId: string | null };
}[HandledType];

export function isHandled(type: string): type is HandledType {
  return Object.hasOwn(handledEvents, type);
}

/** The event's data through its schema: the parsed event, or why the schema refuses it. */
export function parseHandled(
  type: HandledType,
  data: unknown,
  objectId: string | null,
): { ok: true; event: ParsedEvent } | { ok: false; reason: string } {
  const parsed = handledEvents[type].safeParse(data);
  if (!parsed.success) return { ok: false, reason: `${type} payload: ${z.prettifyError(parsed.error)}` };
  return { ok: true, event: { type, data: parsed.data, objectId } as ParsedEvent };
}

const ORG_FIELDS = ['id', 'name', 'slug', 'image_url', 'has_image', 'created_by', 'public_metadata', 'updated_at', 'deleted'];

/**
 * What the event log keeps of a verified event for replay: the raw fields its
 * schema reads (never a user's profile: names, emails), unparsed, so a replay
 * after a fix of the schema parses them again.
 */
export function storedFields(type: HandledType, data: Record<string, unknown>): Record<string, unknown> {
  const pick = (source: unknown, keys: string[]) =>
    Object.fromEntries(keys.filter((k) => source && typeof source === 'object' && k in source).map((k) => [k, (source as Record<string, unknown>)[k]]));
  if (type.startsWith('user.')) return pick(data, ['id', 'deleted']);
  if (type.startsWith('organization.')) return pick(data, ORG_FIELDS);
  return {
    organization: pick(data.organization, ['id']),
    public_user_data: pick(data.public_user_data, ['user_id']),
  };
}
