/** Builds the self-contained CDN files of SPEC §1 (Lit inlined, minified) with Vite's library mode. */
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';
import { minifyTemplates } from './minify-literals.js';

const outDir = 'dist/cdn';
const bundles: { entry: string; fileName: string; format: 'es' | 'iife' }[] = [
  { entry: 'src/index.ts', fileName: 'login-elements.js', format: 'es' },
  { entry: 'src/index.ts', fileName: 'login-elements.iife.js', format: 'iife' },
  { entry: 'src/callback.ts', fileName: 'callback.js', format: 'es' },
];

for (const { entry, fileName, format } of bundles) {
  const config: InlineConfig = {
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplates()],
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      target: 'es2022',
      sourcemap: false,
      lib: { entry, formats: [format], name: 'LoginElements', fileName: () => fileName },
      // Library mode keeps whitespace in ES output for tree-shaking; a CDN file is final, so minify it all.
      rolldownOptions: { output: { minify: true } },
    },
    // One file per bundle: the languages an npm import loads on demand are inline here.
    resolve: { alias: [{ find: /^\.\/languages\.js$/, replacement: fileURLToPath(new URL('../src/elements/languages-inline.ts', import.meta.url)) }] },
  };
  await build(config);
}
console.log(`CDN bundles written to ${outDir}/`);
