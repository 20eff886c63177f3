// Where a production chunk's bytes come from, by its source map (the bench's
// build writes them: TENANTRY_BROWSER_SOURCE_MAPS=1). A chunk mixes packages,
// so "Clerk's bundles not counted" (issue 15) is decided per module, not per
// chunk: each generated character is attributed to the source it maps to.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decode } from '@jridgewell/sourcemap-codec';

export const ORIGINS = ['Next.js + React', "Clerk's SDK", 'next-intl', 'Radix UI', 'app code', 'other packages', 'unmapped'] as const;
export type Origin = (typeof ORIGINS)[number];

function originOf(source: string): Origin {
  if (/node_modules\/@clerk\//.test(source)) return "Clerk's SDK";
  if (/node_modules\/(next|react|react-dom|scheduler)\//.test(source)) return 'Next.js + React';
  if (/node_modules\/(next-intl|use-intl|icu-minify|@formatjs)\//.test(source)) return 'next-intl';
  if (/node_modules\/@radix-ui\//.test(source)) return 'Radix UI';
  if (/node_modules\//.test(source)) return 'other packages';
  if (/\[project\]\/src\//.test(source)) return 'app code';
  return 'unmapped';
}

/**
 * Characters of a chunk per origin. `file` is the chunk on disk (its map is
 * named in its `sourceMappingURL` comment); without a map, all 'unmapped'.
 */
export function originsOf(code: string, file: string): Map<Origin, number> {
  const counts = new Map<Origin, number>();
  const add = (origin: Origin, n: number) => counts.set(origin, (counts.get(origin) ?? 0) + n);
  const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  const mapFile = mapName ? join(dirname(file), mapName) : '';
  if (!mapFile || !existsSync(mapFile)) {
    add('unmapped', code.length);
    return counts;
  }
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  const decoded = decode(map.mappings);
  code.split('\n').forEach((line, i) => {
    const segments = decoded[i] ?? [];
    let covered = 0;
    segments.forEach((segment, j) => {
      const length = Math.max(0, (segments[j + 1]?.[0] ?? line.length) - segment[0]);
      covered += length;
      add(segment.length >= 4 ? originOf(map.sources[segment[1]!] ?? '') : 'unmapped', length);
    });
    add('unmapped', Math.max(0, line.length + 1 - covered));
  });
  return counts;
}
