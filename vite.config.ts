/**
 * Vite settings of the project, in one place:
 * - `vite build --mode <file>` builds one self-contained CDN file of contract §1 (Lit inlined, minified;
 *   the module's on-demand parts as sibling chunk files, decision 26);
 *   `npm run build` (scripts/build-cdn.ts) builds all three. Library mode takes one entry per IIFE, so
 *   each file is a build of its own.
 * - The dev server is the demo's (`npm start`, demo/server.ts adds its port and its middleware).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-literals.js';

export const CDN_DIR = 'dist/cdn';
export const CDN_BUNDLES = [
  // The module defines each element when its tag appears (src/cdn.ts); the classic file holds them all.
  { entry: 'src/cdn.ts', fileName: 'login-elements.js', format: 'es' },
  { entry: 'src/index.ts', fileName: 'login-elements.iife.js', format: 'iife' },
  { entry: 'src/callback.ts', fileName: 'callback.js', format: 'es' },
] as const;

const INLINE_LANGUAGES = [
  { find: /^\.\/languages\.js$/, replacement: fileURLToPath(new URL('src/elements/languages-inline.ts', import.meta.url)) },
];
const INLINE_FLOW_PARTS = [
  { find: /^\.\/on-demand\.js$/, replacement: fileURLToPath(new URL('src/core/on-demand-inline.ts', import.meta.url)) },
  { find: /^\.\/served-on-demand\.js$/, replacement: fileURLToPath(new URL('src/core/served-on-demand-inline.ts', import.meta.url)) },
  { find: /^\.\/card-on-demand\.js$/, replacement: fileURLToPath(new URL('src/elements/card-on-demand-inline.ts', import.meta.url)) },
];

/** A CDN file is final, no bundler reads it again: the tree-shaking annotations the minifier keeps are dead bytes. */
const finalAnnotations: Plugin = {
  name: 'drop-pure-annotations',
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) if (chunk.type == 'chunk') chunk.code = chunk.code.replaceAll('/* @__PURE__ */ ', '');
  },
};

function cdnBuild(mode: string): UserConfig {
  const bundle = CDN_BUNDLES.find((b) => b.fileName === mode);
  if (!bundle) throw new Error(`vite build --mode <file>: one of ${CDN_BUNDLES.map((b) => b.fileName).join(', ')} (npm run build builds all)`);
  return {
    logLevel: 'warn',
    plugins: [minifyTemplates(), finalAnnotations],
    // What an npm import loads on demand (the flow's later parts, the Korean and Japanese texts, the
    // signed-in card) is inline only in the classic file, which cannot import chunks; the module loads
    // them from its siblings as an app's bundler would (decision 26).
    resolve: { alias: bundle.format == 'iife' ? [...INLINE_LANGUAGES, ...INLINE_FLOW_PARTS] : [] },
    build: {
      outDir: CDN_DIR,
      emptyOutDir: false,
      minify: true,
      target: 'es2022',
      sourcemap: false,
      lib: { entry: bundle.entry, formats: [bundle.format], name: 'LoginElements', fileName: () => bundle.fileName },
      // Library mode keeps whitespace in ES output for tree-shaking; a CDN file is final, so minify it all.
      rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true, chunkFileNames: 'login-elements-[name]-[hash].js' } },
    },
  };
}

/** The demo's dev server: plain pages from the project root, no HMR or file watching (tests drive it). */
const demo: UserConfig = {
  appType: 'mpa',
  clearScreen: false,
  server: { host: '127.0.0.1', strictPort: true, hmr: false, watch: null },
  // Lit's production build, as a site ships it: no "Lit is in dev mode" warning on every load.
  resolve: { conditions: ['module', 'browser', 'production'] },
};

export default defineConfig(({ command, mode }) => (command === 'build' ? cdnBuild(mode) : demo));
