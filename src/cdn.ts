/**
 * The CDN module (`dist/cdn/login-elements.js`, contract §1, §8): what `login-elements` exports besides
 * the element classes, and a definer that loads each element the first time its tag is in the document
 * — `<google-login>` fetches Google's chunk and no other provider's, so a page's bytes do not grow with
 * the number of providers. Tags inside other components' shadow roots are not seen: `loadElement(type)`
 * defines one by hand. The classic file (`login-elements.iife.js`) is built from index.ts and holds all.
 */
import { ELEMENTS } from './elements/catalogue.js';

export { login, type LoginOptions } from './login.js';
export { LoginError } from './core/login-error.js';
export { readEnvironment } from './core/environment.js';
export { setTexts, type SiteTexts } from './i18n/language.js';
export { loadElement } from './elements/catalogue.js';

/** What defines each tag not yet seen in the page; a tag is taken out once its load starts. */
const waiting: Record<string, () => Promise<unknown>> = {
  'login-session': () => import('./elements/login-session.js'),
  'login-chooser': () => import('./elements/login-chooser.js'),
};
for (const [type, load] of Object.entries(ELEMENTS)) waiting[`${type}-login`] = load;

/** Loads the element of every undefined tag in the document that it knows, once each (again after a failed load). */
function define(): void {
  for (const { localName: tag } of document.querySelectorAll(':not(:defined)')) {
    const load = waiting[tag];
    if (load) {
      delete waiting[tag];
      load().catch(() => (waiting[tag] = load));
    }
  }
}
define();
new MutationObserver(define).observe(document.documentElement, { childList: true, subtree: true });
