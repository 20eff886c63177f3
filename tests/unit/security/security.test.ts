import { describe, expect, it } from 'vitest';
import { clerkOrigins, detectImageType, pageContentSecurityPolicy, safeImageUrl, trustedHeaders } from '@/lib/security';

const key = (host: string) => `pk_live_${Buffer.from(`${host}$`).toString('base64').replace(/=+$/, '')}`;
const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `))?.split(' ').slice(1);

describe('pageContentSecurityPolicy', () => {
  it("allows scripts only with the request's nonce, from the app, or from Clerk's hosts", () => {
    const policy = pageContentSecurityPolicy({ nonce: 'abc', dev: false, clerk: { publishableKey: key('clerk.tenantry.example') } });
    expect(directive(policy, 'script-src')).toEqual([
      "'self'",
      "'nonce-abc'",
      'https://clerk.tenantry.example',
      'https://challenges.cloudflare.com',
    ]);
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'https://clerk.tenantry.example']);
    expect(directive(policy, 'img-src')).toContain('https://img.clerk.com');
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(policy).not.toContain('unsafe-eval');
  });

  it('uses the proxy and the bundle URLs when configured, and allows eval only in development', () => {
    const policy = pageContentSecurityPolicy({
      nonce: 'n',
      dev: true,
      clerk: {
        publishableKey: key('clerk.tenantry.example'),
        proxyUrl: 'http://127.0.0.1:4010',
        jsUrl: 'http://127.0.0.1:4010/npm/@clerk/clerk-js@6/dist/clerk.browser.js',
        uiUrl: 'https://cdn.example/ui.js',
      },
    });
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'http://127.0.0.1:4010', 'https://cdn.example']);
    expect(directive(policy, 'script-src')).toContain("'unsafe-eval'");
    expect(directive(policy, 'script-src')).not.toContain('https://clerk.tenantry.example');
  });

  it('ignores malformed settings', () => {
    expect(clerkOrigins({ publishableKey: 'pk_nope', proxyUrl: 'not a url' })).toEqual([]);
  });
});

describe('trustedHeaders', () => {
  const url = new URL('http://10.0.0.5:3000/en/admin?x=1');
  const spoofed = () => new Headers({ host: '10.0.0.5:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });

  it('drops forwarded headers unless a proxy is trusted', () => {
    const result = trustedHeaders(url, spoofed(), { trustProxy: false });
    expect(result?.headers.get('x-forwarded-host')).toBeNull();
    expect(result?.url.href).toBe(url.href);
    expect(trustedHeaders(url, spoofed(), { trustProxy: true })).toBeNull();
    expect(trustedHeaders(url, new Headers({ host: 'a' }), { trustProxy: false })).toBeNull();
  });

  it('puts the configured app URL in place of whatever the client claimed', () => {
    const result = trustedHeaders(url, spoofed(), { appUrl: 'https://tenantry.example', trustProxy: false })!;
    expect(result.url.href).toBe('https://tenantry.example/en/admin?x=1');
    expect(result.headers.get('host')).toBe('tenantry.example');
    expect(result.headers.get('x-forwarded-host')).toBe('tenantry.example');
    expect(result.headers.get('x-forwarded-proto')).toBe('https');
  });
});

describe('detectImageType', () => {
  const bytes = (...parts: (number[] | string)[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
  it('names PNG, JPEG, GIF and WebP by their magic bytes', () => {
    expect(detectImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(detectImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(detectImageType(bytes('GIF89a'))).toBe('image/gif');
    expect(detectImageType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
  });
  it('refuses HTML, SVG, empty and truncated files', () => {
    expect(detectImageType(bytes('<html><script>alert(1)</script>'))).toBeNull();
    expect(detectImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectImageType(bytes())).toBeNull();
    expect(detectImageType(bytes([0x89], 'PN'))).toBeNull();
  });
});

describe('safeImageUrl', () => {
  it('keeps https: and loopback http: images only', () => {
    expect(safeImageUrl('https://img.clerk.com/a.png')).toBe('https://img.clerk.com/a.png');
    expect(safeImageUrl('http://127.0.0.1:4010/__local/images/x')).toBe('http://127.0.0.1:4010/__local/images/x');
    for (const bad of ['javascript:alert(1)', 'data:image/svg+xml,<svg/>', 'http://evil.example/a.png', 'nonsense', '', null]) {
      expect(safeImageUrl(bad)).toBeNull();
    }
  });
});
