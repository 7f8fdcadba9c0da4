import type { chooser, LanguageButtonTexts, session } from '../i18n/en.js';

type Texts = { button: LanguageButtonTexts; session: Partial<typeof session>; chooser: Partial<typeof chooser> };

/**
 * The shipped languages besides English, for an npm import: loaded when an element first speaks one
 * (as @lit/localize's runtime mode loads a locale), so a page in English never downloads them. Until
 * they are in (one chunk request) the element shows English, marked `lang="en"`.
 * The CDN files use languages-inline.ts instead (scripts/build-cdn.ts): everything in one file.
 */
export const inline: Record<string, Texts['button']> = {};
export const inlineSession: Record<string, Texts['session']> = {};
export const inlineChooser: Record<string, Texts['chooser']> = {};
export const lazy: Record<string, () => Promise<Texts>> = {
  ko: () => import('../i18n/ko.js'),
  ja: () => import('../i18n/ja.js'),
};
