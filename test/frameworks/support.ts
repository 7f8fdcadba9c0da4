/** The packed tarball of the package as built by `npm run build`, installed into an app under test/frameworks/ as a user would. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
let tarball: string | undefined;

/** `npm pack` once per test process. */
export function packed(): string {
  if (tarball) return tarball;
  const scratch = mkdtempSync(join(tmpdir(), 'login-elements-pack-'));
  execFileSync('npm', ['pack', '--pack-destination', scratch, '--silent', '--ignore-scripts'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return (tarball = join(scratch, readdirSync(scratch).find((file) => file.endsWith('.tgz'))!));
}

/** Installs the app's pinned dependencies and the tarball (kept between runs: only what changed is fetched). Returns its folder. */
export function installApp(name: string): string {
  const app = fileURLToPath(new URL(`./${name}`, import.meta.url));
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', packed()], { cwd: app, stdio: 'inherit' });
  return app;
}
