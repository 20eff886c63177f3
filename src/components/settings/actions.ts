'use server';

import { z } from 'zod';
import { requireOrgAccess } from '@/lib/auth';
import { log } from '@/lib/log';
import { detectImageType, MAX_LOGO_BYTES } from '@/lib/security';
import { changeOrgSettings, OrgNameInvalidError, orgSettingsPorts, type SettingsChange, TestOrgLockedError } from '@/lib/tenants';
import { type OrgNameProblem, ORG_ROLE } from '@/lib/domain';

export type SettingsResult =
  | { ok: true; message: 'saved' }
  | { ok: false; error: 'invalid' | 'logoType' | 'logoSize' | 'locked' | 'failed' | OrgNameProblem; field?: string };

const shortName = z.string().min(1).max(48);
const input = z.discriminatedUnion('intent', [
  // Clerk's name rules are checked by changeOrgSettings, each with its own message.
  z.object({ intent: z.literal('rename'), shortName, name: z.string().trim() }),
  z.object({
    intent: z.literal('logo'),
    shortName,
    logo: z.instanceof(File),
  }),
  z.object({ intent: z.literal('remove-logo'), shortName }),
]);

/**
 * One server action for the three settings forms (rename, upload logo,
 * remove logo): validate, check the admin role, apply through Clerk and
 * MongoDB. The form refreshes the page once it is saved.
 */
export async function updateOrgSettings(_previous: SettingsResult | null, form: FormData): Promise<SettingsResult> {
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: 'invalid', field: String(parsed.error.issues[0]?.path[0] ?? '') };
  const data = parsed.data;
  let logo: File | null = null;
  if (data.intent === 'logo') {
    if (data.logo.size === 0 || data.logo.size > MAX_LOGO_BYTES) return { ok: false, error: 'logoSize', field: 'logo' };
    // By its bytes, never the declared type: HTML or SVG labelled image/png is refused.
    const type = detectImageType(new Uint8Array(await data.logo.slice(0, 16).arrayBuffer()));
    if (!type) return { ok: false, error: 'logoType', field: 'logo' };
    logo = new File([data.logo], data.logo.name, { type });
  }

  const { tenant, userId } = await requireOrgAccess(data.shortName, { role: ORG_ROLE.admin, fresh: true });
  const change: SettingsChange =
    data.intent === 'rename'
      ? { kind: 'rename', name: data.name }
      : data.intent === 'logo'
        ? { kind: 'logo', file: logo!, userId }
        : { kind: 'remove-logo' };
  try {
    await changeOrgSettings(tenant, change, orgSettingsPorts);
  } catch (error) {
    if (error instanceof TestOrgLockedError) return { ok: false, error: 'locked' };
    if (error instanceof OrgNameInvalidError) return { ok: false, error: error.problem, field: 'name' };
    log.error({ err: error, shortName: tenant.shortName, change: change.kind }, 'org settings change failed');
    return { ok: false, error: 'failed' };
  }
  // No revalidatePath: the answer comes as soon as Clerk and MongoDB have the
  // change, without a re-rendered page in it; the form then refreshes the
  // page (a page view: no Clerk call), so the header shows the new name.
  return { ok: true, message: 'saved' };
}
