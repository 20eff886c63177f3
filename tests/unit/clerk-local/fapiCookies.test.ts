import { getCookieSuffix } from '@clerk/shared/keys';
import { describe, expect, it } from 'vitest';
import { cookieSuffix, readAuthCookie, sessionCookies } from '../../../tools/clerk-local/fapi/cookies';
import { publishableKey } from '../../../tools/clerk-local/keys';

describe('clerk-local Frontend API cookies', () => {
  it('suffixes cookie names exactly as @clerk/shared does for the publishable key', async () => {
    const pk = publishableKey('127.0.0.1', 4011);
    expect(cookieSuffix(pk)).toBe(await getCookieSuffix(pk));
  });

  it('reads the suffixed cookie before the plain one', () => {
    const jar = new Map([
      ['__clerk_db_jwt', 'dvb_plain'],
      ['__clerk_db_jwt_abcdefgh', 'dvb_suffixed'],
    ]);
    expect(readAuthCookie(jar, '__clerk_db_jwt', 'abcdefgh')).toBe('dvb_suffixed');
    expect(readAuthCookie(jar, '__clerk_db_jwt', 'zzzzzzzz')).toBe('dvb_plain');
  });

  it('a signed-out handshake clears __session and sets __client_uat=0, plain and suffixed', () => {
    const directives = sessionCookies(null, 0, 'abcdefgh');
    expect(directives).toContain('__session=; Path=/; SameSite=Lax; Max-Age=0');
    expect(directives).toContain('__session_abcdefgh=; Path=/; SameSite=Lax; Max-Age=0');
    expect(directives.filter((d) => d.startsWith('__client_uat'))).toEqual([
      '__client_uat=0; Path=/; SameSite=Lax; Max-Age=31536000',
      '__client_uat_abcdefgh=0; Path=/; SameSite=Lax; Max-Age=31536000',
    ]);
  });
});
