import { defineConfig } from 'vitest/config';

// Small apps under test/frameworks/ that install the packed tarball (packed once, by the global setup,
// from a `dist/` that build-dist.ts has made current). The files run side by side: most of their time is
// npm waiting on the registry and child processes (next build, ng build, tsc), which overlap well even
// on two cores; vitest would otherwise run one file at a time there (one worker per spare core).
export default defineConfig({
  test: {
    include: ['test/frameworks/**/*.test.ts'],
    globalSetup: ['test/support/build-dist.ts', 'test/frameworks/pack.ts'],
    // Safety nets, not budgets: side by side on a busy two-core machine a check or an install takes
    // several times its usual 10–60 s.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    maxWorkers: 3,
  },
});
