import { type ClerkClient, createClerkClient } from '@clerk/backend';
import { afterAll, beforeAll } from 'vitest';
import { type ClerkLocal, type ClerkLocalOptions, startClerkLocal } from '../../tools/clerk-local';

/** Starts tools/clerk-local for this test file (on a free port) and a real SDK client for it. */
export function useClerkLocal(options: ClerkLocalOptions = {}) {
  const state = {} as { server: ClerkLocal; sdk: ClerkClient };
  beforeAll(async () => {
    state.server = await startClerkLocal({ port: 0, ...options });
    state.sdk = createClerkClient({ secretKey: state.server.secretKey, apiUrl: state.server.url });
  });
  afterAll(async () => {
    await state.server?.stop();
  });
  return state;
}

/** The payload clerk-local generated for the newest message of `type` (the real shape Clerk sends). */
export function latestPayload(server: ClerkLocal, type: string, objectId?: string): Record<string, unknown> {
  const messages = server.deliveries
    .list()
    .filter((m) => m.type === type)
    .map((m) => JSON.parse(m.payload) as { data: { id?: string } })
    .filter((p) => !objectId || p.data.id === objectId);
  const last = messages.at(-1);
  if (!last) throw new Error(`clerk-local emitted no ${type}${objectId ? ` for ${objectId}` : ''}`);
  return last as Record<string, unknown>;
}

/** Deletes every org in clerk-local through the Backend API, so each test starts with free slugs. */
export async function deleteAllOrgs(sdk: ClerkClient): Promise<void> {
  for (;;) {
    const { data } = await sdk.organizations.getOrganizationList({ limit: 100 });
    if (data.length === 0) return;
    await Promise.all(data.map((org) => sdk.organizations.deleteOrganization(org.id)));
  }
}
