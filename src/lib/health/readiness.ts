type Check = { ok: true; latencyMs: number } | { ok: false; latencyMs: number; error: string };
export type Readiness = { ready: boolean; checks: Record<string, Check>; checkedAt: string };

export type Probes = Record<string, () => Promise<void>>;

/** Runs every probe at once, each bounded by `timeoutMs`; a failure is named, never its secrets (only the error's class and a short reason). */
export async function checkAll(probes: Probes, timeoutMs: number, now = Date.now): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(probes).map(async ([name, probe]): Promise<[string, Check]> => {
      const started = now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          probe(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [name, { ok: true, latencyMs: now() - started }];
      } catch (error) {
        return [name, { ok: false, latencyMs: now() - started, error: describe(error) }];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const checks = Object.fromEntries(entries);
  return { ready: entries.every(([, c]) => c.ok), checks, checkedAt: new Date(now()).toISOString() };
}

// Connection strings and keys never appear: URIs are cut to their scheme.
function describe(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, (url) => `${url.split(':')[0]}://…`).slice(0, 200);
}
