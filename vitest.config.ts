import { defineConfig } from 'vitest/config';

// Unit and service tests run under plain Node; browser (tests/e2e) and Electron suites have their own runners.
export default defineConfig({
  test: {
    include: ['tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
