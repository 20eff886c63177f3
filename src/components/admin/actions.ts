'use server';

import { z } from 'zod';
import { requirePlatformAdmin } from '@/lib/auth';
import { log } from '@/lib/log';
import { replayFailedEvent } from '@/lib/webhooks';

export type ReplayOutcome = { ok: true; status: string } | { ok: false; error: 'invalid' | 'not-replayable' | 'failed' };

const input = z.object({ svixId: z.string().min(1).max(200) });

/** A platform admin replays one failed webhook event. */
export async function replayAction(_previous: ReplayOutcome | null, form: FormData): Promise<ReplayOutcome> {
  await requirePlatformAdmin({ fresh: true });
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: 'invalid' };
  try {
    // No revalidatePath: the button shows the outcome as a toast, then refreshes the page.
    const result = await replayFailedEvent(parsed.data.svixId);
    if (result.status === 'not-replayable') return { ok: false, error: 'not-replayable' };
    return { ok: true, status: result.delivery.body.status };
  } catch (error) {
    log.error({ err: error, svixId: parsed.data.svixId }, 'replay failed');
    return { ok: false, error: 'failed' };
  }
}
