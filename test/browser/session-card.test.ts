import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { LoginSession } from '../../src/elements/login-session.js';
import { until } from './helpers.js';
import { fresh, session, sessionTests, signIn, text } from './session-support.js';

// <login-session>'s default signed-in content (contract §7): the display name (name, else email, else
// "Signed in with {provider's label}", never the raw id), initials or the picture, the buttons' look.

sessionTests();

async function signedIn(user: Record<string, unknown>, provider = 'corp', attributes: Record<string, string> = {}): Promise<LoginSession> {
  const ns = fresh();
  await signIn(ns, user, provider);
  const el = session(ns, attributes);
  await until(() => el.state == 'signed-in', 5000, 'signed in');
  await el.updateComplete;
  return el;
}
const part = (el: LoginSession, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;
const pic = (el: LoginSession) => el.shadowRoot!.querySelector<HTMLElement>('.pic')!;
/** What the avatar shows: its initials (drawn by CSS), or 'img' / 'glyph'. */
function avatar(el: LoginSession): string {
  if (pic(el).querySelector('img')) return 'img';
  if (pic(el).querySelector('svg')) return 'glyph';
  return getComputedStyle(pic(el), '::before').content.replace(/^"|"$/g, '');
}
const everything = (el: LoginSession) => el.shadowRoot!.innerHTML + JSON.stringify(getComputedStyle(pic(el), '::before').content);

describe('<login-session>: who the default content says is signed in', () => {
  it('the name, with its initials; never the id', async () => {
    const el = await signedIn({ id: 'corp-7f3a9c', name: 'Ada King Lovelace', email: 'ada@example.com' });
    expect(text(el)).to.equal('Signed in as Ada King Lovelace Sign out');
    expect(part(el, 'user').textContent).to.equal('Ada King Lovelace');
    expect(avatar(el)).to.equal('AL');
    expect(everything(el)).not.to.contain('corp-7f3a9c');
  });

  it('no name: the email, its first letter as the initial', async () => {
    const el = await signedIn({ id: 'u-1', email: 'grace@example.com', name: '  ' });
    expect(text(el)).to.equal('Signed in as grace@example.com Sign out');
    expect(avatar(el)).to.equal('G');
  });

  it('neither: "Signed in with" the provider\'s served label, or a built-in provider\'s own name — never the id (bbaton-7f3a9c, belladati)', async () => {
    const corp = await signedIn({ id: 'bbaton-7f3a9c' });
    await until(() => text(corp).includes('Corp ID'), 3000, 'the served label');
    expect(text(corp)).to.equal('Signed in with Corp ID Sign out');
    expect(avatar(corp)).to.equal('glyph');
    expect(everything(corp)).not.to.contain('bbaton-7f3a9c');

    const bbaton = await signedIn({ id: 'bbaton-7f3a9c' }, 'bbaton');
    expect(text(bbaton)).to.equal('Signed in with BBaton Sign out');
    const belladati = await signedIn({ id: 'belladati' }, 'belladati', { lang: 'ko' });
    expect(text(belladati)).to.equal('BellaDati 계정으로 로그인됨 로그아웃');
    expect(everything(bbaton) + everything(belladati)).not.to.match(/bbaton-7f3a9c|"belladati"/);
  });

  it('a picture is shown (no referrer); one that fails to load gives way to the initials', async () => {
    const picture = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="teal"/></svg>')}`;
    const el = await signedIn({ id: 'u-2', name: 'Grace Hopper', picture });
    const img = pic(el).querySelector('img')!;
    await until(() => img.complete && img.naturalWidth > 0, 3000, 'the picture');
    expect([img.getAttribute('src'), img.referrerPolicy, img.alt]).to.deep.equal([picture, 'no-referrer', '']);
    expect(avatar(el)).to.equal('img');

    const broken = await signedIn({ id: 'u-3', name: 'Grace Hopper', picture: '/fixtures/no-such-picture.png' });
    await until(() => avatar(broken) == 'GH', 3000, 'the initials instead');
  });
});

describe('<login-session>: looks like the buttons', () => {
  it('the buttons\' font and size: the Sign out button is as tall as a login button of the same size (44/40/32 px); small is one line with the name alone visible', async () => {
    const user = { id: 'u-4', name: 'Ada Lovelace' };
    for (const size of ['large', 'medium', 'small']) {
      const login = document.createElement('bbaton-login');
      login.setAttribute('size', size);
      document.body.append(login);
      await login.updateComplete;
      const loginButton = login.shadowRoot!.querySelector('button')!;
      const el = await signedIn(user, 'corp', { size, theme: 'neutral' });
      const logout = part(el, 'logout');
      expect(getComputedStyle(logout).font, size).to.equal(getComputedStyle(loginButton).font);
      expect([logout.getBoundingClientRect().height, el.getBoundingClientRect().height], size).to.deep.equal([loginButton.getBoundingClientRect().height, loginButton.getBoundingClientRect().height]);
      if (size == 'small') {
        const cap = el.shadowRoot!.querySelector('.cap')!;
        expect(cap.getBoundingClientRect().width, '"Signed in as" hidden, still read').to.be.at.most(1);
        const middle = (box: DOMRect) => box.top + box.height / 2;
        expect(Math.abs(middle(part(el, 'user').getBoundingClientRect()) - middle(logout.getBoundingClientRect())), 'one line').to.be.below(2);
      }
      el.remove();
      login.remove();
    }
  });

  it('the Sign out button is a neutral login button (its surface, border and text) in every theme and scheme', async () => {
    const neutral = document.createElement('oauth-login');
    neutral.setAttribute('theme', 'neutral');
    document.body.append(neutral);
    await neutral.updateComplete;
    const look = (button: Element) => ['background-color', 'border-top-color', 'border-top-width', 'color'].map((p) => getComputedStyle(button).getPropertyValue(p));
    for (const scheme of ['light', 'dark']) {
      document.documentElement.style.colorScheme = scheme;
      for (const theme of ['filled', 'outline', 'neutral']) {
        const el = await signedIn({ id: 'u-5', name: 'Ada Lovelace' }, 'corp', { theme });
        expect(look(part(el, 'logout')), `${theme} ${scheme}`).to.deep.equal(look(neutral.shadowRoot!.querySelector('button')!));
        el.remove();
      }
    }
    document.documentElement.style.colorScheme = '';
    neutral.remove();
  });
});
