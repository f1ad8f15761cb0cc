import { defineConfig } from 'vitest/config';

// The real Electron app through Playwright's _electron; the suite skips itself (saying why) without a binary.
export default defineConfig({
  test: {
    include: ['tests/electron/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
