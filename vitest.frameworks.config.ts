import { defineConfig } from 'vitest/config';

// Small apps under test/frameworks/ that install the packed tarball (packed once, by the global setup,
// from a `dist/` that build-dist.ts has made current). The files run side by side: most of their time is
// npm waiting on the registry and child processes (next build, ng build, tsc), which overlap well even
// on two cores; vitest would otherwise run one file at a time there (one worker per spare core).
export default defineConfig({
  test: {
    include: ['test/frameworks/**/*.test.ts'],
    globalSetup: ['test/support/build-dist.ts', 'test/frameworks/pack.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    maxWorkers: 3,
  },
});
