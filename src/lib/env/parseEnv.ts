import { z } from 'zod';
import { type Env, frontendApiHostOf, isLoopback, publicSchema, serverSchema } from './schema';

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'EnvError';
  }
}

/** Parses the whole environment at once so one error names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env & { CLERK_RATE_LIMIT_PER_10S: number } {
  const result = z.object({ ...serverSchema.shape, ...publicSchema.shape }).safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = {
    ...result.data,
    CLERK_RATE_LIMIT_PER_10S:
      result.data.CLERK_RATE_LIMIT_PER_10S ?? (result.data.CLERK_SECRET_KEY.startsWith('sk_live_') ? 1000 : 100),
  };
  if (env.NODE_ENV === 'production' && !env.TENANTRY_ALLOW_LOCAL_SERVICES) {
    const local = localClerkEndpoints(env);
    if (local.length > 0) {
      throw new EnvError(
        local.map(
          (name) =>
            `${name}: points at this machine (the local Clerk emulator) in a production build; ` +
            'set TENANTRY_ALLOW_LOCAL_SERVICES=1 only for tests',
        ),
      );
    }
  }
  return env;
}

function localClerkEndpoints(env: Env): string[] {
  const candidates: Array<[string, string | undefined]> = [
    ['CLERK_API_URL', env.CLERK_API_URL],
    ['NEXT_PUBLIC_CLERK_PROXY_URL', env.NEXT_PUBLIC_CLERK_PROXY_URL],
    ['NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY', frontendApiHostOf(env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY) ?? undefined],
  ];
  return candidates.filter(([, value]) => value !== undefined && isLoopback(value)).map(([name]) => name);
}
