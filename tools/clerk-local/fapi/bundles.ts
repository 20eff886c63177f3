// The browser SDK, served from the installed packages instead of Clerk's CDN:
// `/npm/@clerk/clerk-js@<any>/dist/<file>` from @clerk/clerk-js/dist and
// `/npm/@clerk/ui@<any>/dist/<file>` from @clerk/ui/dist. The bundles load
// their chunks relative to their own URL (rewriting the version to their own),
// so one prefix serves the entry file and every chunk.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import type { RouteResult } from '../router';

const require = createRequire(import.meta.url);

const PACKAGES: Record<string, string> = {
  'clerk-js': '@clerk/clerk-js',
  ui: '@clerk/ui',
};

const BUNDLE_PATH = /^\/npm\/@clerk\/(clerk-js|ui)@[^/]+\/dist\/(.+)$/;

const distDirs = new Map<string, string | null>();

/** The package's dist folder (its main entry lives there), or null when not installed. */
function distDir(pkg: string): string | null {
  if (!distDirs.has(pkg)) {
    try {
      distDirs.set(pkg, dirname(require.resolve(pkg)));
    } catch {
      distDirs.set(pkg, null);
    }
  }
  return distDirs.get(pkg) ?? null;
}

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export function isBundlePath(path: string): boolean {
  return path.startsWith('/npm/');
}

/** The file for a bundle URL, or a 404 result. Never reads outside the package's dist folder. */
export async function serveBundle(method: string, path: string): Promise<RouteResult> {
  const notFound: RouteResult = { status: 404, raw: Buffer.from('Not found'), contentType: 'text/plain; charset=utf-8', headers: { 'access-control-allow-origin': '*' } };
  const m = BUNDLE_PATH.exec(path);
  const pkg = m?.[1] ? PACKAGES[m[1]] : undefined;
  if (!m?.[2] || !pkg || (method !== 'GET' && method !== 'HEAD')) return notFound;
  const dir = distDir(pkg);
  if (!dir) return notFound;
  const file = normalize(join(dir, decodeURIComponent(m[2])));
  if (!file.startsWith(dir + sep)) return notFound;
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return notFound;
  }
  const ext = /\.[a-z]+$/.exec(file)?.[0] ?? '';
  return {
    raw: data,
    contentType: TYPES[ext] ?? 'application/octet-stream',
    headers: {
      // Loaded cross-origin by the app's pages (with crossorigin="anonymous").
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=3600',
    },
  };
}
