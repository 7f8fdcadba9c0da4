/**
 * Global setup of the frameworks suite: `npm pack` once for all its files (each file used to pack on
 * its own). It runs after test/support/build-dist.ts, which builds `dist/` when it is missing or older
 * than `src/`, so the tarball is what `npm run build` makes of the current sources; `--ignore-scripts`
 * then only skips prepack's second build of the same files.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The packed login-elements tarball every app installs. */
    tarball: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export default function setup(project: TestProject): () => void {
  const scratch = mkdtempSync(join(tmpdir(), 'login-elements-pack-'));
  execFileSync('npm', ['pack', '--pack-destination', scratch, '--silent', '--ignore-scripts'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  project.provide('tarball', join(scratch, readdirSync(scratch).find((file) => file.endsWith('.tgz'))!));
  return () => rmSync(scratch, { recursive: true, force: true });
}
