// Vitest global setup for the tests that import `dist/` (what ships): builds it once when it is missing
// or older than any file under `src/`, so a fresh clone's `npx vitest run` needs no manual build, and a
// run after `npm run build` (as in `npm test`) builds nothing.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

const builtAt = (): number => {
  try {
    return statSync('dist/index.js').mtimeMs;
  } catch {
    return 0;
  }
};

export default function setup(): void {
  if (builtAt() > newest('src')) return;
  console.log('dist/ is missing or older than src/: npm run build');
  // Without vitest's NODE_ENV=test, which would make Vite build the CDN files in development mode.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name != 'NODE_ENV' && !name.startsWith('VITEST')));
  execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env });
}
