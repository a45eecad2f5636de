import { defineConfig } from 'vitest/config';

const integration = ['{apps,modules,packages}/**/*.test.ts'];
const unit = ['{apps,modules,packages,test}/**/*.unit.test.ts'];
const ignored = ['**/node_modules/**', '**/web/**'];

/**
 * Three projects: pure unit tests once, and every integration test twice, on embedded PGlite and on
 * the PostgreSQL server (127.0.0.1:5432 or TEST_DATABASE_URL).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: unit, exclude: ignored } },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: integration,
          exclude: [...ignored, ...unit],
          env: { ONEFIN_TEST_ENGINE: 'pglite' },
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          exclude: [...ignored, ...unit],
          env: { ONEFIN_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
