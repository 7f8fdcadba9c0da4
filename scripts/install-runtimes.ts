/**
 * Fetches the runtimes the endpoint is tested in — Deno, Bun and workerd — as the binary packages they
 * publish on npm (`npm pack`, then unpacked), into test/runtimes/vendor, outside the project's lock
 * file: their wrapper packages' lock entries name every platform's binary package, and `npm ci`
 * refuses a lock that lacks the ones this registry does not carry (and npm 11 skips the wrappers'
 * install scripts anyway). Kept between runs; pinned versions; Linux x64.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VENDOR = fileURLToPath(new URL('../test/runtimes/vendor', import.meta.url));
/** Each runtime's binary package, and where the binary is inside it. */
const PACKAGES = {
  deno: { spec: '@deno/linux-x64-glibc@2.9.6', file: 'deno' },
  bun: { spec: '@oven/bun-linux-x64@1.4.5', file: 'bin/bun' },
  workerd: { spec: '@cloudflare/workerd-linux-64@1.20261117.1', file: 'bin/workerd' },
};
type Runtime = keyof typeof PACKAGES;
const dirOf = (name: Runtime) => join(VENDOR, name, PACKAGES[name].spec.replace(/[@/]/g, '_'));
export const BINARIES = Object.fromEntries(
  Object.entries(PACKAGES).map(([name, { file }]) => [name, join(dirOf(name as Runtime), 'package', file)]),
) as Record<Runtime, string>;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of Object.keys(PACKAGES) as Runtime[]) {
    if (existsSync(BINARIES[name])) continue;
    const dir = dirOf(name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['pack', PACKAGES[name].spec, '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'))!;
    execFileSync('tar', ['xzf', join(dir, tarball), '-C', dir]);
    rmSync(join(dir, tarball));
    chmodSync(BINARIES[name], 0o755);
  }
  for (const [name, binary] of Object.entries(BINARIES)) console.log(`${name}: ${binary}`);
}
