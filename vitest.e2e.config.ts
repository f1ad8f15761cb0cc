import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the built renderer in Debian Chromium with the real services in Node. One fork, one
// file at a time (the machine has two cores; each test file starts a Chromium), generous timeouts for the build.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
