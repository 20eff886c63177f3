'use server';

import { z } from 'zod';
import { requirePlatformAdmin } from '@/lib/auth';
import { log } from '@/lib/log';
import { replayEvent } from '@/lib/webhooks';

// What the replayed delivery answered (lib/webhooks receive.ts), shown in the admin's language.
const REPLAY_STATUSES = ['processed', 'ignored', 'failed', 'duplicate', 'in-flight', 'retry', 'rejected'] as const;
type ReplayStatus = (typeof REPLAY_STATUSES)[number] | 'other';

export type ReplayOutcome = { ok: true; status: ReplayStatus } | { ok: false; error: 'invalid' | 'not-replayable' | 'failed' };

const input = z.object({ svixId: z.string().min(1).max(200) });

/** A platform admin replays one failed webhook event. */
export async function replayAction(_previous: ReplayOutcome | null, form: FormData): Promise<ReplayOutcome> {
  await requirePlatformAdmin({ fresh: true });
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: 'invalid' };
  try {
    // No revalidatePath: the button shows the outcome as a toast, then refreshes the page.
    const result = await replayEvent(parsed.data.svixId);
    if (result.status === 'not-replayable') return { ok: false, error: 'not-replayable' };
    const status = REPLAY_STATUSES.find((s) => s === result.delivery.body.status) ?? 'other';
    return { ok: true, status };
  } catch (error) {
    log.error({ err: error, svixId: parsed.data.svixId }, 'replay failed');
    return { ok: false, error: 'failed' };
  }
}
