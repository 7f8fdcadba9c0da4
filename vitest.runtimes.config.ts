import { defineConfig } from 'vitest/config';

// The companion endpoint in workerd, Deno and Bun, each started as a real process on 127.0.0.1.
export default defineConfig({
  test: {
    include: ['test/runtimes/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
