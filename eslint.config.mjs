import { readdirSync } from 'node:fs';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const libFolders = readdirSync(new URL('./src/lib', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// The layers of src/lib (DESIGN.md §4: layers point one way): a folder may
// import only folders of a lower rank — the leaf modules, then the logger, the
// adapters to external systems, the shared infrastructure, the services, and
// what composes services. A new folder must be given its rank here.
const LIB_RANK = {
  domain: 0,
  env: 0,
  security: 0,
  log: 1,
  db: 2,
  clerk: 2,
  jobs: 3,
  access: 3,
  tenants: 4,
  auth: 4,
  health: 4,
  webhooks: 5,
  admin: 5,
};
for (const folder of libFolders) {
  if (!(folder in LIB_RANK)) throw new Error(`eslint.config.mjs: give src/lib/${folder} its rank in LIB_RANK`);
}

/** The lib folders `ownFolder` may not import: its own rank and above (so no cycle between folders either). */
function higherLayers(ownFolder) {
  const rank = LIB_RANK[ownFolder];
  const above = libFolders.filter((folder) => folder !== ownFolder && LIB_RANK[folder] >= rank);
  if (above.length === 0) return [];
  return [
    {
      group: above.flatMap((folder) => [`@/lib/${folder}`, `@/lib/${folder}/*`, `../${folder}`, `../${folder}/*`]),
      message: `src/lib/${ownFolder} (rank ${rank} in eslint.config.mjs) may import only lower layers of src/lib (DESIGN.md §4: layers point one way).`,
    },
  ];
}

/** The imports src/ may not use; `ownFolder` may reach its own files (and lib/db mongoose). */
function restrictedImports(ownFolder) {
  const paths =
    ownFolder === 'db' ? [] : [{ name: 'mongoose', message: 'Only src/lib/db talks to MongoDB (STYLE.md "External systems").' }];
  const patterns = [
    { group: ['**/tools/**', 'tools/*'], message: 'src/ must never import tools/ (DESIGN.md §4).' },
    {
      group: [
        '@/lib/*/*',
        '**/lib/*/*',
        ...(ownFolder ? [`!@/lib/${ownFolder}/*`, '../*/*', '../../*/*'] : []),
        // lib/env's second door, for the edge middleware: the settings it needs without zod.
        '!**/lib/env/edge',
      ],
      message: 'Import another lib folder through its index.ts (`@/lib/<folder>`), not a file behind it (STYLE.md "Layout").',
    },
    ...(ownFolder ? higherLayers(ownFolder) : []),
  ];
  return { paths, patterns };
}

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-bench/**', '.next-devtest/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // Layers point one way (DESIGN.md §4): src/ never imports tools/; a lib/*
  // folder is entered only through its index.ts, so what lies behind it stays
  // private; no import cycle, in particular none between lib/* folders.
  // no-restricted-imports does not merge across config objects, so each lib
  // folder gets its own copy that lets it reach its own files.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', restrictedImports()],
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  ...libFolders.map((folder) => ({
    files: [`src/lib/${folder}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', restrictedImports(folder)] },
  })),
  {
    // The domain leaf imports nothing, so every layer (and the edge middleware) can load it.
    files: ['src/lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/*', '**/lib/**'], message: 'src/lib/domain is a leaf: it imports nothing (DESIGN.md §4).' }] },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'tools/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
];
export default config;
