import { svg, type SVGTemplateResult } from 'lit';
import type { LoginButton } from './login-button.js';

/** A mark module's export: the mark drawn with the `svg` tag it is handed, so the chunk imports nothing (Lit stays with the element). */
export type MarkModule = { mark: (tag: typeof svg) => SVGTemplateResult };

/**
 * Loads an element's mark in a chunk of its own, asked for as the element's module runs (decision 31:
 * a detailed mark is hundreds of bytes of path data an element's budget has no room for); every button
 * draws it once it is in. The mark's box has its size from the start, so nothing moves.
 */
export function markOnDemand(element: typeof LoginButton, load: () => Promise<MarkModule>): void {
  const loaded = load().then(({ mark }) => void (element.mark = mark(svg)));
  element.addInitializer((el) => void loaded.then(() => el.requestUpdate()));
}
