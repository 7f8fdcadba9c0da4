/**
 * Checks that `npm pack` would publish every file package.json points at — each `exports` target,
 * `types`, `customElements`, the CDN files, LICENSE — and every module the Custom Elements Manifest
 * names. It runs `npm pack` as a publisher would, scripts included: on a fresh clone (no `dist/`),
 * `prepack` builds first, so this is also the proof that a fresh clone never publishes an empty package.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

type Exports = Record<string, string | Record<string, string>>;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Exports; types: string; customElements: string };
const out = execFileSync('npm', ['pack', '--dry-run', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
// prepack's build prints to the same stdout before npm's JSON report.
const json = out.slice(out.search(/^\[$/m));
const [report] = JSON.parse(json) as [{ files: { path: string }[] }];
const packed = new Set(report.files.map((f) => f.path));

const wanted = new Set<string>([pkg.types, pkg.customElements, 'dist/cdn/login-elements.js', 'dist/cdn/login-elements.iife.js', 'dist/cdn/callback.js', 'openapi.yaml', 'LICENSE']);
// The CDN module's on-demand chunks (decision 26), as the build just wrote them (prepack ran first).
for (const file of readdirSync('dist/cdn')) wanted.add(`dist/cdn/${file}`);
// Tools (IDEs, Storybook, framework generators) resolve the manifest's module paths inside the package.
const manifest = readFileSync(pkg.customElements, 'utf8');
for (const [, file] of manifest.matchAll(/"(?:path|module)": "([^"]+)"/g)) wanted.add(file!);
for (const target of Object.values(pkg.exports)) for (const file of typeof target === 'string' ? [target] : Object.values(target)) wanted.add(file);

const missing = [...wanted].map((file) => file.replace(/^\.\//, '')).filter((file) => !packed.has(file));
if (missing.length) {
  console.error(`npm pack would leave out: ${missing.join(', ')}`);
  process.exit(1);
}
const stray = [...packed].filter((file) => /^(demo|test|src)\//.test(file) || file.endsWith('.map'));
if (stray.length) {
  console.error(`npm pack would publish files that are not for users: ${stray.join(', ')}`);
  process.exit(1);
}
console.log(`npm pack publishes all ${wanted.size} files package.json points at (${packed.size} files in all)`);
