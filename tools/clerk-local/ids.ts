import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `n` random base62 characters (Clerk ids carry 27 after the prefix, like a KSUID). */
export function randomBase62(n: number): string {
  let out = '';
  while (out.length < n) {
    for (const b of randomBytes(n * 2)) {
      // 248 = 4 * 62: rejecting larger bytes keeps the alphabet uniform.
      if (b < 248 && out.length < n) out += BASE62[b % 62];
    }
  }
  return out;
}

/** Prefixes Clerk uses for the objects the emulator creates. */
export const IdPrefix = {
  user: 'user_',
  emailAddress: 'idn_',
  phoneNumber: 'idn_',
  organization: 'org_',
  membership: 'orgmem_',
  invitation: 'orginv_',
  session: 'sess_',
  client: 'client_',
  devBrowser: 'dvb_',
  signUp: 'sua_',
  signIn: 'sia_',
  instance: 'ins_',
  message: 'msg_',
  image: 'img_',
} as const;
export type IdKind = keyof typeof IdPrefix;

export function newId(kind: IdKind): string {
  return IdPrefix[kind] + randomBase62(27);
}
