/**
 * Custom Elements Manifest: analysed from the TypeScript sources (types, JSDoc), published with module
 * paths that name the shipped files (`dist/elements/*.js`), since `src/` is not in the package.
 */
const shipped = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');

export default {
  globs: ['src/elements/*.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'shipped-module-paths',
      packageLinkPhase({ customElementsManifest }) {
        const visit = (node) => {
          if (Array.isArray(node)) return node.forEach(visit);
          if (!node || typeof node !== 'object') return;
          for (const key of ['path', 'module']) if (typeof node[key] === 'string') node[key] = shipped(node[key]);
          Object.values(node).forEach(visit);
        };
        visit(customElementsManifest.modules);
      },
    },
  ],
};
