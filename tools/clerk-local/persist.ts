// Optional on-disk state for `npm run dev`: one JSON snapshot holding the
// instance keys (so the app's env stays valid across restarts) and the store.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstanceKeys } from './keys';
import type { StoreSnapshot } from './store';
import type { PendingMessage } from './webhooks';

/** `deliveries`: webhook messages still owed (absent in files written before it existed). */
export type PersistedState = { version: 1; keys: InstanceKeys; store: StoreSnapshot; deliveries?: PendingMessage[] };

const FILE = 'clerk-local.json';

export function loadState(dataDir: string): PersistedState | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`clerk-local: cannot read ${join(dataDir, FILE)}`, { cause: err });
  }
  const parsed = JSON.parse(text) as PersistedState;
  if (parsed.version !== 1) throw new Error(`clerk-local: unsupported data file version ${String(parsed.version)}`);
  return parsed;
}

/** Write-then-rename, so a crash mid-write leaves the previous snapshot intact. */
export function saveState(dataDir: string, state: PersistedState): void {
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, FILE);
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
  renameSync(tmp, target);
}
