/** Builds the self-contained CDN files of SPEC §1 (Lit inlined, minified) with Vite's library mode. */
import { build, type InlineConfig } from 'vite';

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
  };
  await build(config);
}
console.log(`CDN bundles written to ${outDir}/`);
