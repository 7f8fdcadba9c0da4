// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fill, languageOf, onLanguageChange, primary, setTexts, textsFor } from '../../src/i18n/language.js';

// The language mechanism without Lit (the callback page and core use it too): which language, which
// texts, and what a site adds.

const table = { en: { hello: 'Hello', bye: 'Bye' }, ko: { hello: '안녕하세요' } };

describe('src/i18n/language.ts', () => {
  afterEach(() => {
    document.body.replaceChildren();
    document.documentElement.lang = '';
  });

  it('primary: the language subtag, lower case', () => {
    expect(['ko-KR', 'JA_jp', ' en ', '', null, undefined].map(primary)).toEqual(['ko', 'ja', 'en', '', '', '']);
  });

  it('textsFor: the language over English, and the language the texts are really in', () => {
    expect(textsFor(table, 'ko-KR')).toEqual({ texts: { hello: '안녕하세요', bye: 'Bye' }, lang: 'ko' });
    expect(textsFor(table, 'fr')).toEqual({ texts: table.en, lang: 'en' });
    expect(textsFor(table, '')).toEqual({ texts: table.en, lang: 'en' });
  });

  it('setTexts adds a language and overrides English for one UI only, and tells the listeners', () => {
    let told = 0;
    const stop = onLanguageChange(() => told++);
    setTexts('de-AT', { greeting: { hello: 'Servus' } });
    setTexts('en', { greeting: { bye: 'See you' } });
    expect(textsFor(table, 'de', 'greeting')).toEqual({ texts: { hello: 'Servus', bye: 'See you' }, lang: 'de' });
    expect(textsFor(table, 'en', 'greeting').texts.bye).toBe('See you');
    expect(textsFor(table, 'de', 'other')).toEqual({ texts: table.en, lang: 'en' });
    expect(told).toBe(2);
    stop();
  });

  it('languageOf: own lang, then the nearest ancestor across shadow roots, then the document', () => {
    document.documentElement.lang = 'ja';
    const section = document.createElement('section');
    const host = document.createElement('div');
    const inner = document.createElement('span');
    section.append(host);
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(section);
    expect(languageOf(inner)).toBe('ja');
    section.lang = 'ko';
    expect(languageOf(inner)).toBe('ko');
    inner.lang = 'en';
    expect(languageOf(inner)).toBe('en');
  });

  it('fill: named placeholders, unknown ones left as they are', () => {
    expect(fill('Log in with {provider} {x}', { provider: 'BBaton' })).toBe('Log in with BBaton {x}');
  });
});
