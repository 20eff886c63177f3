'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requirePlatformAdmin } from '@/lib/auth';
import { setTenantArchived } from '@/lib/db';
import { log } from '@/lib/log';

export type ArchiveOutcome = { ok: true } | { ok: false; error: 'invalid' | 'failed' };

const input = z.object({ shortName: z.string().min(1).max(48), archive: z.enum(['true', 'false']) });

/**
 * A platform admin archives (closes the tenant to everyone: access refuses a
 * non-active tenant) or restores an org. MongoDB only; the Clerk org is untouched.
 */
export async function setArchivedAction(_previous: ArchiveOutcome | null, form: FormData): Promise<ArchiveOutcome> {
  await requirePlatformAdmin({ fresh: true });
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: 'invalid' };
  try {
    const tenant = await setTenantArchived(parsed.data.shortName, parsed.data.archive === 'true');
    revalidatePath('/[locale]/admin', 'page');
    return tenant ? { ok: true } : { ok: false, error: 'failed' };
  } catch (error) {
    log.error({ err: error, shortName: parsed.data.shortName }, 'archive/restore failed');
    return { ok: false, error: 'failed' };
  }
}
