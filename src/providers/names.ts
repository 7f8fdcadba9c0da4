/**
 * The built-in providers' names as each writes it, in English, by provider type: for the server's
 * provider list and `<login-session>`'s card. Each lives in its provider's file (`words`), which its
 * button imports, so no element carries another's; a language's own (Kakao's "카카오") is in that
 * language's chunk (`brands`), and a site's in `setTexts`'s `names`.
 */
import type { ProviderType } from '../contract/wire.js';
import { words as bbaton } from './bbaton.js';
import { words as belladati } from './belladati.js';
import { words as upbond } from './upbond.js';
import { words as bitbadges } from './bitbadges.js';
import { words as google } from './google.js';
import { words as github } from './github.js';
import { words as microsoft } from './microsoft.js';
import { words as kakao } from './kakao.js';
import { words as naver } from './naver.js';
import { words as line } from './line.js';

export const names: Readonly<Record<string, string>> = {
  bbaton: bbaton.en.bbaton,
  belladati: belladati.en.belladati,
  upbond: upbond.en.upbond,
  bitbadges: bitbadges.en.bitbadges,
  google: google.en.google,
  github: github.en.github,
  microsoft: microsoft.en.microsoft,
  kakao: kakao.en.kakao,
  naver: naver.en.naver,
  line: line.en.line,
} satisfies Record<Exclude<ProviderType, 'oauth'>, string>;

/** A built-in provider type's English name; undefined for anything else (own keys only: `constructor` is none). */
export const nameOf = (type: string): string | undefined => (Object.hasOwn(names, type) ? names[type] : undefined);
