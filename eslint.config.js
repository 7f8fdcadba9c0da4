// @ts-check
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '**/node_modules/', '**/.next/', '**/.angular/', 'test/frameworks/*/dist/', 'custom-elements.json', 'coverage/', 'test/runtimes/vendor/', 'test/runtimes/worker.bundle.js', 'bench/server/build/', 'test/frameworks/*/next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    // Layering: core never imports Lit; nothing in the browser imports the server.
    files: ['src/core/**', 'src/providers/**', 'src/i18n/**', 'src/callback.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['lit', 'lit/*', '**/elements/*', '**/server/*'] }] },
  },
  {
    files: ['src/elements/**', 'src/index.ts', 'src/login.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/*'] }] },
  },
  {
    // Issue 21: a function a reader can hold in view, a file one can read in one sitting, everywhere in
    // the package's source.
    files: ['src/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: 250, skipBlankLines: true, skipComments: true }],
    },
  },
);
