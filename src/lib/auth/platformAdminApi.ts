import { decidePlatformAdmin, platformAdminPorts } from './platformAdmin';

/**
 * For API routes of the admin area: 401 signed out (or a session from before
 * the user was deleted or banned), 404 for anyone but a platform admin.
 * `fresh: true` for routes that change state.
 */
export async function platformAdminForApi(options: { fresh?: boolean } = {}): Promise<{ userId: string } | { status: 401 | 404 }> {
  const access = await decidePlatformAdmin(options, platformAdminPorts);
  if (access.kind === 'signed-out') return { status: 401 };
  if (access.kind === 'not-found') return { status: 404 };
  return { userId: access.userId };
}
