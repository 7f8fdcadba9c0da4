import { defineConfig } from 'vitest/config';

// Unit and server tests. Browser tests run under web-test-runner, end-to-end ones under vitest.e2e.config.ts.
// The tests of what ships (`dist/`) are a project of their own whose global setup builds `dist/` when it
// is missing or older than `src/`: `npx vitest run` passes on a fresh clone, and a run of the other tests
// alone (e.g. `npx vitest run test/server/x.test.ts`) never builds, since a project's global setup runs
// only when one of its files is queued.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'src', include: ['test/unit/**/*.test.ts', 'test/server/**/*.test.ts'], exclude: ['test/unit/no-dom.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'dist', include: ['test/ssr/**/*.test.ts', 'test/unit/no-dom.test.ts'], globalSetup: ['test/support/build-dist.ts'] },
      },
    ],
  },
});
