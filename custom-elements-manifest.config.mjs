/**
 * Custom Elements Manifest: analysed from the TypeScript sources (types, JSDoc), published with module
 * paths that name the shipped files (`dist/elements/*.js`), since `src/` is not in the package. The
 * framework typings and editor data are generated from it by the break-stuff integration plugins.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

/** Each element's class, from the generated typings in dist/types/. */
const componentTypePath = (_name, tag) => `../elements/${tag}.js`;
const typings = { outdir: 'dist/types', componentTypePath, hideLogs: true };

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
/** `client-id` → `clientId`; `onlogin-start` → `onLoginStart`. */
const vueName = (name) => (name.startsWith('on') ? 'on' + camel('-' + name.slice(2)) : camel(name));

const shipped = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');

export default {
  globs: ['src/elements/*.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'shipped-module-paths',
      packageLinkPhase({ customElementsManifest }) {
        // Paths from the project root, and `./x.js` references relative to their own module.
        const visit = (node, dir) => {
          if (Array.isArray(node)) return node.forEach((child) => visit(child, dir));
          if (!node || typeof node !== 'object') return;
          for (const key of ['path', 'module'])
            if (typeof node[key] === 'string') node[key] = node[key].startsWith('./') ? `${dir}/${node[key].slice(2)}` : shipped(node[key]);
          Object.values(node).forEach((child) => visit(child, dir));
        };
        for (const module of customElementsManifest.modules) visit(module, shipped(module.path).replace(/\/[^/]*$/, ''));
      },
    },
    customElementJsxPlugin({ ...typings, fileName: 'jsx.d.ts' }),
    customElementVuejsPlugin({ ...typings, fileName: 'vue.d.ts' }),
    customElementSveltePlugin({ ...typings, fileName: 'svelte.d.ts' }),
    customElementVsCodePlugin({ outdir: 'dist', htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true }),
    customElementJetBrainsPlugin({ outdir: 'dist', fileName: 'web-types.json', hideLogs: true }),
    {
      // The typings import the event detail types (`@fires {LoginStartDetail}`) from every element's
      // module at once, which names each of them five times: import them once, from the core types.
      // Then one entry per framework wires the tags into its extension point, so that
      // `import type {} from 'login-elements/jsx'` is enough.
      name: 'framework-entries',
      packageLinkPhase({ customElementsManifest }) {
        const detail = /^\s*Login(Start|Success|Error|Cancel)Detail,?\n/gm;
        // Read-only members (the `provider` getter) are not props a template can set.
        const readonly = new Set(
          customElementsManifest.modules.flatMap((m) => (m.declarations ?? []).flatMap((d) => (d.members ?? []).filter((x) => x.readonly).map((x) => x.name))),
        );
        const once = `import type { LoginCancelDetail, LoginErrorDetail, LoginStartDetail, LoginSuccessDetail } from '../core/types.js';\n`;
        for (const file of ['jsx', 'vue', 'svelte']) {
          const path = `dist/types/${file}.d.ts`;
          // (one per line in a long import; `, LoginErrorDetail` inside a short one, as <login-chooser>'s)
          let text = readFileSync(path, 'utf8').replace(detail, '').replace(/,\s*Login(Start|Success|Error|Cancel)Detail(?=[\s,}])/g, '');
          for (const name of readonly)
            text = text.replace(new RegExp(`^\\s*/\\*\\*[^\\n]*\\*/\\n\\s*"?(bind:)?${name}"?\\?: \\w+\\["${name}"\\];\\n`, 'gm'), '\n');
          // Vue's template checker camelises attribute names (`client-id` → `clientId`) and listeners
          // (`@login-start` → `onLoginStart`); the props must be spelt as it looks them up.
          if (file === 'vue') text = text.replace(/^(\s*)"([a-z][a-z-]*-[a-z-]*)"\?:/gm, (_, indent, name) => `${indent}${vueName(name)}?:`);
          // Svelte 5 sets properties with plain attributes (`params={…}`) and listens with `onlogin-start`;
          // the generated typings speak Svelte 4 (`bind:params`, `on:login-start`) and name JSX types.
          if (file === 'svelte')
            text = text
              .replace(/"bind:(\w+)"\?:/g, '$1?:')
              .replace(/"on:([\w-]+)"\?:/g, '"on$1"?:')
              .replace(/JSX\.Element/g, 'unknown')
              .replace(/JSX\.CSSProperties/g, 'string');
          writeFileSync(path, once + text);
        }
        const entries = {
          'jsx-entry': `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}`,
          'svelte-entry': `declare module 'svelte/elements' {\n  interface SvelteHTMLElements extends CustomElements {}\n}`,
        };
        for (const [name, body] of Object.entries(entries)) {
          const from = name.replace('-entry', '');
          writeFileSync(`dist/types/${name}.d.ts`, `// Generated by custom-elements-manifest.config.mjs.\nimport type { CustomElements } from './${from}.js';\n\n${body}\n\nexport type { CustomElements };\n`);
        }
      },
    },
  ],
};
