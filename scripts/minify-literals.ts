import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import type { Plugin } from 'vite';

/**
 * Lit's own minifier for the html`` and css`` literals (the JS minifier leaves them as written), as
 * the CDN build and the size check's one-element build use it. Targets new enough that lightningcss
 * keeps light-dark() as written.
 */
export const minifyTemplates = (): Plugin =>
  minifyLiterals({
    failOnError: true,
    options: {
      minifyOptions: {
        // svg`` literals are minified too: an SVG <path> must keep its "/>" (unclosed, the next one nests in it).
        keepClosingSlash: true,
        minifyCSS: { targets: { chrome: 123 << 16, firefox: 120 << 16, safari: (17 << 16) | (5 << 8) } },
      },
    },
    // Typed for Rollup; Vite 8 runs it on Rolldown, whose hook types differ only in name.
  }) as unknown as Plugin;
