import { describe, expect, it } from 'vitest';
import { newInstanceKeys, publishableKey, signingKey } from '../../../tools/clerk-local/keys';

describe('clerk-local keys', () => {
  it('encodes the publishable key as pk_test_ + base64("host:port$") without padding', () => {
    const pk = publishableKey('127.0.0.1', 4010);
    expect(pk).toBe(`pk_test_${Buffer.from('127.0.0.1:4010$').toString('base64').replace(/=+$/, '')}`);
    expect(pk).not.toMatch(/=/);
  });

  it('never puts localhost (rejected by the SDK) into the publishable key', () => {
    for (const host of ['localhost', '0.0.0.0']) {
      const decoded = Buffer.from(publishableKey(host, 4010).slice('pk_test_'.length), 'base64').toString();
      expect(decoded).toBe('127.0.0.1:4010$');
    }
  });

  it('makes sk_test_ and whsec_ secrets and a 2048-bit RS256 key whose kid is the instance id', () => {
    const keys = newInstanceKeys();
    expect(keys.secretKey).toMatch(/^sk_test_[0-9A-Za-z]{40}$/);
    expect(keys.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const k = signingKey(keys);
    expect(k.kid).toBe(keys.instanceId);
    expect(k.jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB', kid: keys.instanceId });
    // The SPKI prefix @clerk/backend strips to find the modulus in CLERK_JWT_KEY.
    expect(k.publicPem.replace(/\n/g, '')).toContain('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA');
  });
});
