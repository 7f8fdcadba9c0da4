import { button as ja } from '../i18n/ja.js';
import { button as ko } from '../i18n/ko.js';

/** The CDN files' languages (see languages.ts): every one inline, none to load. */
export const inline = { ko, ja };
export const lazy = {};
