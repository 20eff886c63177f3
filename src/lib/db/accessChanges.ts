import { AccessChange, type AccessChangeRecord } from './models/AccessChange';

/** What Clerk's webhooks reported about one user's access, as epoch milliseconds (0 = nothing). */
export type AccessChanges = {
  /** Per Clerk org id: when the user's membership there last changed. */
  orgs: Record<string, number>;
  /** When the user last changed (e.g. their metadata). */
  userChangedAt: number;
  /** Sessions issued before this are refused (user deleted or banned). */
  signedOutAt: number;
};

/**
 * Records a change; later changes win (`$max`), so redelivered or reordered
 * webhooks never move a stamp back. One upsert on the unique index.
 */
export async function recordAccessChange(change: {
  userId: string;
  clerkOrgId: string | null;
  at: Date;
  signOut?: boolean;
}): Promise<void> {
  const $max: Record<string, Date> = { changedAt: change.at };
  if (change.signOut) $max.signedOutAt = change.at;
  await AccessChange.updateOne(
    { userId: change.userId, clerkOrgId: change.clerkOrgId },
    { $max },
    { upsert: true },
  );
}

/** Every recorded change for the user: one indexed look-up, usually no document. */
export async function accessChangesOf(userId: string): Promise<AccessChanges> {
  const records = await AccessChange.find({ userId }, { _id: 0, clerkOrgId: 1, changedAt: 1, signedOutAt: 1 }).lean<
    Pick<AccessChangeRecord, 'clerkOrgId' | 'changedAt' | 'signedOutAt'>[]
  >();
  const changes: AccessChanges = { orgs: {}, userChangedAt: 0, signedOutAt: 0 };
  for (const record of records) {
    const at = record.changedAt.getTime();
    if (record.clerkOrgId) changes.orgs[record.clerkOrgId] = at;
    else {
      changes.userChangedAt = at;
      changes.signedOutAt = record.signedOutAt?.getTime() ?? 0;
    }
  }
  return changes;
}
