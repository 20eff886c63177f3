import { type RecordedChanges, type SessionFacts, sessionRevoked } from './orgAccess';

export type PlatformAdminAccess = { kind: 'granted'; userId: string } | { kind: 'signed-out' } | { kind: 'not-found' };

export type PlatformAdminPorts = {
  session(): Promise<SessionFacts>;
  changesOf(userId: string): Promise<RecordedChanges>;
  isPlatformAdmin(userId: string, freshness: { live: true } | { live: false; notBefore: number }): Promise<boolean>;
};

/** Signed out, or a session from before the user was deleted or banned → signed-out; anyone but a platform admin → not-found. */
export async function decidePlatformAdmin(options: { fresh?: boolean }, ports: PlatformAdminPorts): Promise<PlatformAdminAccess> {
  const session = await ports.session();
  const userId = session.userId;
  if (!userId) return { kind: 'signed-out' };
  const changes = await ports.changesOf(userId);
  if (sessionRevoked(session, changes)) return { kind: 'signed-out' };
  const freshness = options.fresh ? ({ live: true } as const) : ({ live: false, notBefore: changes.userChangedAt } as const);
  return (await ports.isPlatformAdmin(userId, freshness)) ? { kind: 'granted', userId } : { kind: 'not-found' };
}
