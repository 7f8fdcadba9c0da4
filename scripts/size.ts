/**
 * Size budget (bytes, gzip): every CDN file, and the core entry bundled alone. Fails over budget.
 * Run after `npm run build`.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budgets: { name: string; bytes: () => Promise<Uint8Array> | Uint8Array; gzipBudget: number }[] = [
  // Issues 13, 14 and 15 share the elements' budget (their shares: docs/decisions.md, 13).
  { name: 'dist/cdn/login-elements.js (all elements + Lit)', bytes: () => readFileSync('dist/cdn/login-elements.js'), gzipBudget: 15_360 },
  { name: 'dist/cdn/login-elements.iife.js (all elements + Lit)', bytes: () => readFileSync('dist/cdn/login-elements.iife.js'), gzipBudget: 15_360 },
  { name: 'dist/cdn/callback.js', bytes: () => readFileSync('dist/cdn/callback.js'), gzipBudget: 1_536 },
  { name: 'login-elements/core (bundled alone)', bytes: bundleCore, gzipBudget: 5_120 },
];

async function bundleCore(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: ['dist/core/index.js'],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
  });
  return result.outputFiles[0]!.contents;
}

let failed = false;
const rows: string[] = [];
for (const { name, bytes, gzipBudget } of budgets) {
  const raw = await bytes();
  const gz = gzipSync(raw, { level: 9 }).length;
  const ok = gz <= gzipBudget;
  failed ||= !ok;
  rows.push(`| ${name} | ${raw.length} | ${gz} | ${gzipBudget} | ${ok ? 'ok' : 'OVER'} |`);
}
console.log('| file | min B | gzip B | budget gzip B | |\n| --- | ---: | ---: | ---: | --- |\n' + rows.join('\n'));
if (failed) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
