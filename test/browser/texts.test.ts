// setTexts() reaches every UI that shows text: the login buttons and <login-session>.
import { expect } from '@esm-bundle/chai';
import { setTexts } from '../../src/index.js';
import { until } from './helpers.js';
import { fresh, session, sessionTests, signIn, text } from './session-support.js';

sessionTests();

describe('setTexts and <login-session>', () => {
  it('adds a language and overrides a shipped text of the signed-in view, for an element already on the page', async () => {
    const ns = fresh();
    await signIn(ns);
    const de = session(ns, { lang: 'de' });
    await until(() => de.state == 'signed-in', 5000, 'signed in');
    expect(text(de)).to.equal('Signed in as Ada Lovelace Sign out');
    setTexts('de', { session: { signedInAs: 'Angemeldet als {name}', signOut: 'Abmelden' } });
    await until(() => text(de) == 'Angemeldet als Ada Lovelace Abmelden', 2000, 'the German texts');
    setTexts('en', { session: { signOut: 'Log out' } });
    const en = session(ns);
    await until(() => en.state == 'signed-in', 5000, 'signed in');
    expect(text(en)).to.equal('Signed in as Ada Lovelace Log out');
    setTexts('en', { session: { signOut: 'Sign out' } });
  });
});
