// Instance settings, as in Clerk's dashboard, that change what the emulator
// does: "Membership required" (a session without an active organization is
// `pending` with the `choose-organization` task), email verification at
// sign-up, and the Backend API rate limit. Set at start (CLI flags,
// `startClerkLocal({ settings })`) and changed at run time over
// `GET/PATCH /__local/settings`.
import { errors } from './errors';

export type RateLimitSetting = { requests: number; perSeconds: number };

export type InstanceSettings = {
  /** Clerk's "Membership required" (formerly "Force organization selection"). */
  membershipRequired: boolean;
  /** Sign-up completes only after the email code (always 424242 here). */
  emailVerification: boolean;
  /** Backend API requests allowed per window, or false for none. */
  rateLimit: RateLimitSetting | false;
};

export type SettingsInput = Partial<InstanceSettings>;

/**
 * What a new Clerk application starts with: organizations without personal
 * accounts (so membership is required), email addresses verified at sign-up,
 * and a development instance's rate limit of 100 requests per 10 seconds.
 * `npm run dev` uses these; tests start from `EMULATOR_SETTINGS` and opt in.
 */
export const CLERK_NEW_APP_SETTINGS: InstanceSettings = {
  membershipRequired: true,
  emailVerification: true,
  rateLimit: { requests: 100, perSeconds: 10 },
};

/** startClerkLocal's defaults: everything off, so a test turns on only what it is about. */
export const EMULATOR_SETTINGS: InstanceSettings = {
  membershipRequired: false,
  emailVerification: false,
  rateLimit: false,
};

function parseRateLimit(v: unknown): RateLimitSetting | false {
  if (v === false || v === null || v === 'off') return false;
  if (typeof v === 'object' && v !== null) {
    const { requests, perSeconds } = v as Record<string, unknown>;
    if (Number.isInteger(requests) && (requests as number) > 0 && typeof perSeconds === 'number' && perSeconds > 0) {
      return { requests: requests as number, perSeconds };
    }
  }
  throw errors.paramValueInvalid('rateLimit', 'rateLimit must be false or { requests: positive integer, perSeconds: positive number }.');
}

/** Validates a (partial) settings object from the CLI, code or `PATCH /__local/settings`. */
export function parseSettings(input: unknown): SettingsInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw errors.bodyInvalid('Settings must be a JSON object.');
  }
  const out: SettingsInput = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'membershipRequired' || key === 'emailVerification') {
      if (typeof value !== 'boolean') throw errors.paramValueInvalid(key, `${key} must be true or false.`);
      out[key] = value;
    } else if (key === 'rateLimit') {
      out.rateLimit = parseRateLimit(value);
    } else {
      throw errors.paramValueInvalid(key, `${key} is not a clerk-local setting (membershipRequired, emailVerification, rateLimit).`);
    }
  }
  return out;
}

/** `--rate-limit 100` (per 10 s, Clerk's window) or `--rate-limit off`. */
export function rateLimitFromFlag(flag: string): RateLimitSetting | false {
  if (flag === 'off') return false;
  const n = Number(flag);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--rate-limit wants a positive integer or "off", not ${flag}`);
  return { requests: n, perSeconds: 10 };
}

/** The live settings: one object shared by the Frontend API, the Backend API's limiter and /__local. */
export class Settings {
  private current: InstanceSettings;
  private readonly listeners = new Set<(s: InstanceSettings) => void>();

  constructor(initial: SettingsInput = {}) {
    const given = Object.fromEntries(Object.entries(initial).filter(([, v]) => v !== undefined));
    this.current = { ...EMULATOR_SETTINGS, ...parseSettings(given) };
  }

  get(): InstanceSettings {
    return { ...this.current };
  }

  update(patch: SettingsInput): InstanceSettings {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.get());
    return this.get();
  }

  onChange(listener: (s: InstanceSettings) => void): void {
    this.listeners.add(listener);
  }
}
