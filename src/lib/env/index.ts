import { parseEnv } from './parseEnv';
import type { Env } from './schema';

export { EnvError, parseEnv } from './parseEnv';
export type { Env } from './schema';

let cached: Env | undefined;

/** The validated environment, parsed on first use (next.config.ts parses it at start-up). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
