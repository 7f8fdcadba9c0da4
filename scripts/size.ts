/**
 * Size budget (bytes, gzip): one button from the CDN module (its element's chunks with the module), the
 * classic CDN file and the callback, the core and session entries bundled alone, every login element
 * alone with Lit (what a page that imports only `login-elements/bbaton`, `/line`… ships: a row each),
 * and `<login-chooser>` showing one provider. Fails over budget.
 * Run after `npm run build`.
 */
import { build, type Metafile } from 'esbuild';
import { resolve } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build as viteBuild, type Rolldown } from 'vite';
import { minifyTemplates } from './minify-literals.js';

/** Every built-in login element, by provider type (the catalogue's keys, read from its source). */
const TYPES = [...readFileSync('src/elements/catalogue.ts', 'utf8').matchAll(/^ {2}(\w+): \(\) => import\(/gm)].map(([, type]) => type!);

const budgets: { name: string; bytes: () => Promise<Uint8Array> | Uint8Array; gzipBudget: number }[] = [
  // Contract §8: one button costs the same however many providers there are — the module, and the one
  // element's chunks it loads when the tag is in the page (decision 31).
  { name: `dist/cdn/login-elements.js + one button's chunks (the largest of ${TYPES.length})`, bytes: () => largest(TYPES.map((type) => [type, cdnButton(type)]), 'CDN module'), gzipBudget: 16_384 },
  // The classic file cannot load chunks: it holds every element and what the module loads on demand. Issue 24's budget (decision 26).
  { name: 'dist/cdn/login-elements.iife.js (all elements + Lit + every on-demand part)', bytes: () => readFileSync('dist/cdn/login-elements.iife.js'), gzipBudget: 24_576 },
  { name: 'dist/cdn/callback.js', bytes: () => readFileSync('dist/cdn/callback.js'), gzipBudget: 1_536 },
  { name: 'login-elements/core (entry chunk, as a bundler ships it)', bytes: () => bundleEntryChunk('dist/core.js', 'core'), gzipBudget: 5_120 },
  // Measured as core is: the signed-in card and the languages load beside the first read (decision 26).
  { name: 'login-elements/session (one element with Lit; entry chunk)', bytes: () => bundleEntryChunk('dist/elements/login-session.js', 'session'), gzipBudget: 12_288 },
  // The one-element budget + 3,072 B for what the chooser adds: itself, the list's code (served + exchange, which a button configured by attributes never loads), the catalogue (decision 32).
  { name: 'login-elements/chooser showing one provider (chooser + list + bbaton, as a Vite app ships it)', bytes: bundleChooser, gzipBudget: 15_360 },
  // Contract §8: one element from npm costs the same however many providers there are — every one of them a row (decision 37).
  ...TYPES.map((type) => ({
    name: `login-elements/${type} (one element + Lit, as a Vite app ships it)`,
    bytes: () => bundleElement(type, type == 'bbaton' || type == 'google'),
    gzipBudget: 12_288,
  })),
];

/** The largest of several measured files (gzip), each listed below the table. */
function largest(all: (readonly [string, Uint8Array])[], what: string): Uint8Array {
  const sized = all.map(([type, bytes]) => ({ type, bytes, gz: gzipSync(bytes, { level: 9 }).length })).sort((a, b) => b.gz - a.gz);
  notes.push(`${what}, one button each: ${sized.map(({ type, gz }) => `${type} ${gz}`).join(', ')} B gzip`);
  return sized[0]!.bytes;
}

/**
 * One element as an app's production build ships it (Vite, with the template minifier every Lit app
 * should use): the entry chunk and the chunks it imports statically. A page in Korean or Japanese loads that language's chunk on top
 * (printed below the table).
 */
async function bundleElement(type: string, listLazy = true): Promise<Uint8Array> {
  const chunks = await viteChunks(`dist/elements/${type}-login.js`);
  const eager = withStaticImports(chunks, [chunks.find((c) => c.isEntry)!]);
  if (listLazy) for (const chunk of chunks.filter((c) => !eager.includes(c))) notes.push(`${type} on demand: ${chunk.name} ${gzipSync(chunk.code, { level: 9 }).length} B gzip`);
  return concat(eager.map((c) => new TextEncoder().encode(c.code)));
}
const notes: string[] = [];

/**
 * `<login-chooser>` showing one provider (bbaton) as an app's Vite build ships it: what loads before its
 * button shows — the entry chunk, the provider-list chunk and the provider's element chunk, with the
 * chunks they import statically. The other providers' chunks are built but never loaded (listed).
 */
async function bundleChooser(): Promise<Uint8Array> {
  const chunks = await viteChunks('dist/elements/login-chooser.js');
  const holding = (file: string) => chunks.find((c) => c.moduleIds.some((id) => id.endsWith(file)))!;
  const eager = withStaticImports(chunks, [chunks.find((c) => c.isEntry)!, holding('dist/core/served.js'), holding('dist/elements/bbaton-login.js')]);
  for (const chunk of chunks.filter((c) => !eager.includes(c))) notes.push(`chooser on demand: ${chunk.name} ${gzipSync(chunk.code, { level: 9 }).length} B gzip`);
  return concat(eager.map((c) => new TextEncoder().encode(c.code)));
}

/** An entry's chunks as an app's production build makes them (Vite, with the template minifier every Lit app should use). */
async function viteChunks(entry: string): Promise<Rolldown.OutputChunk[]> {
  const [result] = (await viteBuild({
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplates()],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: () => 'bundle.js' },
      rolldownOptions: { output: { minify: true } },
    },
  })) as Rolldown.RolldownOutput[];
  return result!.output.filter((o): o is Rolldown.OutputChunk => o.type == 'chunk');
}

/** `first` and every chunk they import statically (Lit, when an on-demand part shares it): what loads before they run. */
function withStaticImports(chunks: Rolldown.OutputChunk[], first: Rolldown.OutputChunk[]): Rolldown.OutputChunk[] {
  const eager = [...first];
  for (let i = 0; i < eager.length; i++)
    for (const file of eager[i]!.imports) {
      const chunk = chunks.find((c) => c.fileName == file)!;
      if (!eager.includes(chunk)) eager.push(chunk);
    }
  return eager;
}

/**
 * An entry as an app's bundler ships it, code splitting on (esbuild): the entry chunk and the chunks it
 * imports statically, which load before anything runs; the chunks only an `import()` reaches load after
 * page load or a click (decisions 21, 26) and are listed below the table.
 */
async function bundleEntryChunk(entry: string, label: string): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    outdir: '/virtual',
    metafile: true,
  });
  const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const outputs = result.metafile!.outputs;
  const entryPath = Object.keys(outputs).find((p) => outputs[p]!.entryPoint)!;
  const eager = staticClosure(entryPath, outputs);
  for (const path of Object.keys(outputs).filter((p) => !eager.includes(p))) {
    notes.push(`${label} on demand: ${path.replace(/^.*\//, '')} ${gzipSync(files.get(resolve(path))!, { level: 9 }).length} B gzip`);
  }
  return concat(eager.map((path) => files.get(resolve(path))!));
}

/** The output files an entry imports statically, itself first (what loads before its code runs). */
function staticClosure(first: string, outputs: Metafile['outputs']): string[] {
  const seen = [first];
  for (let i = 0; i < seen.length; i++) {
    for (const { path, kind } of outputs[seen[i]!]!.imports) if (kind == 'import-statement' && !seen.includes(path)) seen.push(path);
  }
  return seen;
}

function concat(parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

/** The CDN files `first` imports statically, themselves first (what loads before their code runs). */
function cdnClosure(first: string[]): string[] {
  const eager = [...first];
  for (let i = 0; i < eager.length; i++) {
    const code = readFileSync(`dist/cdn/${eager[i]}`, 'utf8');
    for (const [, chunk] of code.matchAll(/(?:^|[;}])import\s*(?:[^"'`();]*?from\s*)?["']\.\/([^"']+)["']/g)) if (!eager.includes(chunk!)) eager.push(chunk!);
  }
  return eager;
}

/**
 * One button from the ES CDN file as a page loads it: the module, then the element's chunk (its tag is
 * in the page) and every chunk those import statically. The chunks reached only by `import()` — the
 * flow's later parts, the languages, the session card (decision 26), the other providers — are listed.
 */
function cdnButton(type: string): Uint8Array {
  const chunk = readdirSync('dist/cdn').find((f) => f.startsWith(`login-elements-${type}-login-`));
  if (!chunk) throw new Error(`no CDN chunk for ${type}-login`);
  // A mark that loads beside its element (Google's "G") is part of the button: counted.
  const mark = readdirSync('dist/cdn').find((f) => f.startsWith(`login-elements-${type}-mark-`));
  const eager = cdnClosure(['login-elements.js', chunk, ...(mark ? [mark] : [])]);
  if (type == 'google')
    for (const lazy of readdirSync('dist/cdn').filter((f) => f.startsWith('login-elements-') && !eager.includes(f))) {
      notes.push(`dist/cdn beside <google-login>, on demand: ${lazy} ${gzipSync(readFileSync(`dist/cdn/${lazy}`), { level: 9 }).length} B gzip`);
    }
  return concat(eager.map((f) => readFileSync(`dist/cdn/${f}`)));
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
if (notes.length) console.log('\nLoaded after page load or a click, not counted above:\n' + notes.map((n) => `- ${n}`).join('\n'));
if (failed) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
