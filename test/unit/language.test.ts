// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { chooser } from '../../src/i18n/en.js';
import { fill, languageOf, onLanguageChange, primary, setTexts, textsFor, type SiteTexts } from '../../src/i18n/language.js';

// The language mechanism without Lit (the callback page and core use it too): which language, which
// texts, and what a site adds.

const table = { en: { hello: 'Hello', bye: 'Bye' }, ko: { hello: '안녕하세요' } };
const chooserTable = { en: chooser };

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
    setTexts('de-AT', { chooser: { label: 'Anmelden mit' } });
    setTexts('en', { chooser: { lastUsed: 'Used last' } });
    expect(textsFor(chooserTable, 'de', 'chooser')).toEqual({ texts: { ...chooser, label: 'Anmelden mit', lastUsed: 'Used last' }, lang: 'de' });
    expect(textsFor(chooserTable, 'en', 'chooser').texts.lastUsed).toBe('Used last');
    expect(textsFor(chooserTable, 'de', 'session')).toEqual({ texts: chooser, lang: 'en' });
    expect(told).toBe(2);
    stop();
  });

  it("setTexts: a site's error texts and provider names are read with the button texts, where a button looks", () => {
    setTexts('fr', { button: { failed: 'Échec.' }, errors: { timeout: 'Délai dépassé.' }, names: { kakao: 'KakaoTalk' } });
    setTexts('fr', { errors: { access_denied: 'Refusé.' } });
    const { texts, lang } = textsFor({ en: { failed: 'Login failed.' } }, 'fr', 'button');
    expect(lang).toBe('fr');
    expect(texts).toEqual({ failed: 'Échec.', timeout: 'Délai dépassé.', access_denied: 'Refusé.', kakao: 'KakaoTalk' });
  });

  it('setTexts refuses an unknown part or a text that is not a string, and changes nothing', () => {
    let told = 0;
    const stop = onLanguageChange(() => told++);
    const hostile = [{ buttons: { failed: 'x' } }, { button: { failed: 'Fehler.' }, errors: { timeout: 42 } }, { session: { signOut: null } }] as unknown as SiteTexts[];
    expect(() => setTexts('de', hostile[0]!)).toThrow(/no part "buttons" \(button, errors, names, session, chooser\)/);
    expect(() => setTexts('de', hostile[1]!)).toThrow(new TypeError('setTexts: errors.timeout must be a string'));
    expect(() => setTexts('de', hostile[2]!)).toThrow('session.signOut must be a string');
    // The valid part beside the bad one was not applied either, and no element was told to re-render.
    expect(textsFor({ en: { failed: 'Login failed.' } }, 'de', 'button').texts.failed).toBe('Login failed.');
    expect(told).toBe(0);
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
