/**
 * The svix-ids this process has seen settled (processed, ignored, failed).
 * Settled is final, so a redelivery of one is answered from memory, without
 * the event-log look-up; the oldest ids are forgotten past `capacity`.
 */
export function createSettledIds(capacity = 10_000) {
  const ids = new Set<string>();
  return {
    has: (svixId: string) => ids.has(svixId),
    add(svixId: string) {
      ids.add(svixId);
      if (ids.size > capacity) ids.delete(ids.values().next().value!);
    },
  };
}

export type SettledIds = ReturnType<typeof createSettledIds>;
