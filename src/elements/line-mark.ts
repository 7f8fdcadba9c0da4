import type { MarkModule } from './mark-on-demand.js';

/**
 * The LINE speech bubble with "LINE" cut out of it, white, on LINE's green (the button's, or a tile's:
 * tile-mark.ts colours `.tile`), after https://developers.line.biz/en/docs/line-login/login-button/.
 * Loaded on demand (mark-on-demand.ts), handed Lit's `svg` tag: this chunk imports nothing.
 */
export const mark: MarkModule['mark'] = (svg) =>
  svg`<rect class="tile" width="24" height="24" rx="5.5"/><path fill="#fff" d="M12 3.2c-5.5 0-10 3.6-10 8 0 4 3.5 7.3 8.3 7.9.3.1.8.2.9.5.1.3.1.7 0 1l-.1.8c0 .3-.2 1 .9.5 1-.4 5.7-3.4 7.8-5.8 1.5-1.6 2.2-3.2 2.2-5 0-4.4-4.5-7.9-10-7.9ZM5.4 8.9h1.3v3.5h2v1.3H5.4Zm4 0h1.3v4.8H9.4Zm2.2 0h1.2l1.9 2.6V8.9H16v4.8h-1.2l-1.9-2.6v2.6h-1.3Zm5.2 0h3v1.2h-1.7v.6h1.7v1.2h-1.7v.6h1.7v1.2h-3Z"/>`;
