/**
 * A production build of the demo's pages (index.html, callback.html), as a site ships them: what the
 * end-to-end tests serve (`startDemo({ built })`), one build per test run. `npm start` never uses it: it
 * serves the same pages live through Vite's dev server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The package's main module is an entry of its own: a test's `import()` gets the very instance the page runs. */
const PACKAGE_ENTRY = 'src/index.ts';

/**
 * The demo imports the package from src/, but package.json's `sideEffects` names its dist/ files (the
 * element modules that define their tags): the same modules under src/ keep their side effects here, or
 * the build would drop every `customElements.define`.
 */
function sourceSideEffects(): Plugin {
  const { sideEffects } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { sideEffects: string[] };
  const patterns = sideEffects
    .filter((glob) => glob.startsWith('./dist/') && glob.endsWith('.js'))
    .map((glob) => new RegExp('^' + join(root, 'src', glob.slice('./dist/'.length, -'.js'.length)).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*') + '\\.ts$'));
  return {
    name: 'login-elements-source-side-effects',
    transform(code, id) {
      if (patterns.some((pattern) => pattern.test(id))) return { code, moduleSideEffects: true };
    },
  };
}

export async function buildDemo(outDir: string): Promise<void> {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    appType: 'mpa',
    plugins: [sourceSideEffects()],
    // Lit's production build, as in the dev server (vite.config.ts).
    resolve: { conditions: ['module', 'browser', 'production'] },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      manifest: true,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { index: join(root, 'demo/index.html'), callback: join(root, 'demo/callback.html'), package: join(root, PACKAGE_ENTRY) },
        preserveEntrySignatures: 'exports-only',
      },
    },
  });
}

/** The URL path of the package's main module in a build of `buildDemo` (the dev server's is `/src/index.ts`). */
export function builtPackageModule(outDir: string): string {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
  return '/' + manifest[PACKAGE_ENTRY]!.file;
}
