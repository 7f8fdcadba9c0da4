/**
 * Size budget (bytes, gzip): every CDN file, the core and session entries bundled alone, and one
 * login element with Lit (what a page that imports only `login-elements/bbaton` ships). Fails over budget.
 * Run after `npm run build`.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build as viteBuild, type Rolldown } from 'vite';
import { minifyTemplates } from './minify-literals.js';

const budgets: { name: string; bytes: () => Promise<Uint8Array> | Uint8Array; gzipBudget: number }[] = [
  { name: 'dist/cdn/login-elements.js (all elements + Lit)', bytes: () => readFileSync('dist/cdn/login-elements.js'), gzipBudget: 15_360 },
  { name: 'dist/cdn/login-elements.iife.js (all elements + Lit)', bytes: () => readFileSync('dist/cdn/login-elements.iife.js'), gzipBudget: 15_360 },
  { name: 'dist/cdn/callback.js', bytes: () => readFileSync('dist/cdn/callback.js'), gzipBudget: 1_536 },
  { name: 'login-elements/core (bundled alone)', bytes: () => bundleAlone('dist/core/index.js'), gzipBudget: 5_120 },
  { name: 'login-elements/session (one element with Lit)', bytes: () => bundleAlone('dist/elements/login-session.js'), gzipBudget: 12_288 },
  { name: 'login-elements/bbaton (one element + Lit, as a Vite app ships it)', bytes: bundleElement, gzipBudget: 12_288 },
];

/**
 * One element as an app's production build ships it (Vite, with the template minifier every Lit app
 * should use): the entry chunk. A page in Korean or Japanese loads that language's chunk on top
 * (printed below the table).
 */
async function bundleElement(): Promise<Uint8Array> {
  const [result] = (await viteBuild({
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplates()],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: 'dist/elements/bbaton-login.js', formats: ['es'], fileName: () => 'element.js' },
      rolldownOptions: { output: { minify: true } },
    },
  })) as Rolldown.RolldownOutput[];
  const chunks = result!.output.filter((o): o is Rolldown.OutputChunk => o.type == 'chunk');
  for (const chunk of chunks.filter((c) => !c.isEntry)) notes.push(`on demand: ${chunk.name} ${gzipSync(chunk.code, { level: 9 }).length} B gzip`);
  return new TextEncoder().encode(chunks.find((c) => c.isEntry)!.code);
}
const notes: string[] = [];

async function bundleAlone(entry: string): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [entry],
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
if (notes.length) console.log('\none element, ' + notes.join(', '));
if (failed) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
