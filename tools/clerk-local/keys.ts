import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { newId, randomBase62 } from './ids';

/** The instance's identity and signing material; persisted with the data so restarts keep the app's env valid. */
export type InstanceKeys = {
  instanceId: string;
  secretKey: string;
  webhookSecret: string;
  /** PKCS#8 PEM of the RS256 session-token key. */
  privateKeyPem: string;
};

export function newInstanceKeys(overrides: Partial<InstanceKeys> = {}): InstanceKeys {
  // 2048-bit with e=65537: @clerk/backend's loadClerkJwkFromPem strips that exact SPKI prefix from CLERK_JWT_KEY.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  return {
    instanceId: newId('instance'),
    secretKey: `sk_test_${randomBase62(40)}`,
    webhookSecret: `whsec_${randomBytes(24).toString('base64')}`,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    ...overrides,
  };
}

export type SigningKey = { kid: string; privateKey: KeyObject; publicKey: KeyObject; publicPem: string; jwk: Record<string, unknown> };

export function signingKey(keys: InstanceKeys): SigningKey {
  const privateKey = createPrivateKey(keys.privateKeyPem);
  const publicKey = createPublicKey(privateKey);
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const kid = keys.instanceId;
  const { n, e } = publicKey.export({ format: 'jwk' });
  return { kid, privateKey, publicKey, publicPem, jwk: { use: 'sig', kty: 'RSA', kid, alg: 'RS256', n, e } };
}

/**
 * `pk_test_` + base64("host:port$") without padding: the SDK decodes the
 * Frontend API host from it. The host must contain a dot (`localhost` is
 * rejected), so a wildcard or `localhost` listener is named as 127.0.0.1.
 */
export function publishableKey(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' || host === 'localhost' ? '127.0.0.1' : host;
  return `pk_test_${Buffer.from(`${h}:${port}$`).toString('base64').replace(/=+$/, '')}`;
}
