import { defineConfig } from 'vitest/config';

/**
 * Three tiers (DESIGN.md §3.11):
 * - unit: pure rules, *.test.ts beside the code;
 * - integration: the real app through app.inject on a real database, *.integration.test.ts
 *   (HAVEN_TEST_DB=pglite or postgres picks the database; scripts/test-all.sh runs both);
 * - e2e: Playwright journeys in Debian's Chromium, e2e/*.test.ts.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Distinct group orders let `vitest run <path>` run several projects in one go.
          sequence: { groupOrder: 0 },
          include: ['server/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx', 'contracts/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', 'e2e/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['server/**/*.integration.test.ts', 'test/**/*.integration.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
