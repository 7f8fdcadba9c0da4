import { button as ja, chooser as jaChooser, session as jaSession } from '../i18n/ja.js';
import { button as ko, chooser as koChooser, session as koSession } from '../i18n/ko.js';

/** The CDN files' languages (see languages.ts): every one inline, none to load. */
export const inline = { ko, ja };
export const inlineSession = { ko: koSession, ja: jaSession };
export const inlineChooser = { ko: koChooser, ja: jaChooser };
export const lazy = {};
