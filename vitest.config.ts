import { defineConfig } from 'vitest/config';

// Unit and server tests. Browser tests run under web-test-runner, end-to-end ones under vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/server/**/*.test.ts', 'test/ssr/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
