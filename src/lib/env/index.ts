import { parseEnv } from './parseEnv';
import { serverSchema } from './schema';

export { EnvError, parseEnv } from './parseEnv';

type ParsedEnv = ReturnType<typeof parseEnv>;

let cached: ParsedEnv | undefined;

/** The validated environment, parsed on first use (next.config.ts parses it at start-up). */
export function env(): ParsedEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The log level alone: the logger loads before anything else and must not
 * fail on an unrelated missing variable, so it reads only LOG_LEVEL, with the
 * schema's own rule.
 */
export function logLevel(): ServerEnvLogLevel {
  return serverSchema.shape.LOG_LEVEL.parse(process.env.LOG_LEVEL);
}

/** MONGODB_URI as it is now (tests and tools point it elsewhere after start), or undefined when unset or invalid. */
export function configuredMongoUri(): string | undefined {
  const parsed = serverSchema.shape.MONGODB_URI.safeParse(process.env.MONGODB_URI);
  return parsed.success ? parsed.data : undefined;
}

type ServerEnvLogLevel = ParsedEnv['LOG_LEVEL'];
