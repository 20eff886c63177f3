import { parseEnv } from './parseEnv';

export { EnvError, parseEnv } from './parseEnv';
export type { Env } from './schema';

type ParsedEnv = ReturnType<typeof parseEnv>;

let cached: ParsedEnv | undefined;

/** The validated environment, parsed on first use (next.config.ts parses it at start-up). */
export function env(): ParsedEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
