// Password digests for users created with a password (Backend API or
// Frontend API sign-up), so that the Frontend API's password sign-in can check
// them. scrypt with a small cost: an emulator, not a vault.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const COST = { N: 1024, r: 8, p: 1 };

export function passwordDigest(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${scryptSync(password, salt, 32, COST).toString('base64url')}`;
}

export function passwordMatches(password: string, digest: string | null | undefined): boolean {
  const [scheme, salt, hash] = (digest ?? '').split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(password, Buffer.from(salt, 'base64url'), expected.length, COST);
  return timingSafeEqual(actual, expected);
}
