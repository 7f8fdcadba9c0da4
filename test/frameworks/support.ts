/** Installs the packed tarball (test/frameworks/pack.ts) into an app under test/frameworks/ as a user would. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
// The type of inject('tarball').
import type {} from './pack.js';

function npm(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    spawn('npm', args, { cwd, stdio: 'inherit' })
      .on('error', reject)
      .on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm ${args.join(' ')} exited with ${code} in ${cwd}`))));
  });
}

/**
 * Installs the app's pinned dependencies and the tarball (kept between runs: only what changed is
 * fetched). Returns its folder. Asynchronous, so that a file's installs run side by side and beside the
 * other files' builds: most of an install is waiting on the registry.
 */
export async function installApp(name: string): Promise<string> {
  const app = fileURLToPath(new URL(`./${name}`, import.meta.url));
  const install = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', inject('tarball')];
  try {
    // The apps pin their frameworks: metadata npm already has in its cache need not be asked again.
    await npm([...install, '--prefer-offline'], app);
  } catch {
    // A cached packument older than a pinned version fails (ETARGET) rather than refetch: ask the registry.
    await npm(install, app);
  }
  return app;
}
