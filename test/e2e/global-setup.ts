/**
 * Once per e2e run: a production build of the demo's pages (demo/build.ts), which every test file's demo
 * serves (decision 38): a page load is then a handful of files instead of every source module through
 * the dev server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDemo } from '../../demo/build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The directory of the demo's build, for `startDemo({ built })`. */
    demoBuild: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'login-elements-demo-'));
  // Vitest's NODE_ENV=test would make Vite build in development mode; a site ships a production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildDemo(outDir);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  project.provide('demoBuild', outDir);
  return () => rm(outDir, { recursive: true, force: true });
}
