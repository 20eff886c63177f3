import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) };

// One named project per suite (`vitest run --project unit`); globs are
// disjoint from Playwright's `*.e2e.ts`.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          // Starts tools/mongo-local once for the run (or uses TEST_MONGODB_URI).
          globalSetup: ['tests/setup/mongo.global.ts'],
          // The app's logger stays quiet unless a developer asks (LOG_LEVEL=debug).
          env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'contract',
          environment: 'node',
          include: ['tests/contract/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
