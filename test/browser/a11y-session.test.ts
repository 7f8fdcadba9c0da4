import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { LoginSession } from '../../src/elements/login-session.js';
import { PAGES, THEMES, axeViolations, contrast, emulate, innerButton, parseColor, place, resetPage, usePage } from './a11y-helpers.js';
import { until } from './helpers.js';
import { fresh, base, signIn } from './session-support.js';

// contract §2's contrast and axe-core rules for <login-session>'s default signed-in content (contract §7), in
// every theme × size × colour scheme on each of contract §2's pages; and the dark brands' visible edge.

const SIZES = ['large', 'medium', 'small'] as const;
const USERS = [{ id: 'u-1', name: 'Ada Lovelace' }, { id: 'u-2' }];

async function signedInCard(host: HTMLElement, ns: string, attributes: Record<string, string>): Promise<LoginSession> {
  const el = document.createElement('login-session');
  el.setAttribute('endpoint', base(ns));
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  host.append(el);
  await until(() => el.state == 'signed-in', 5000, 'signed in');
  await el.updateComplete;
  return el;
}

describe('accessibility of the signed-in content', function () {
  this.timeout(120_000);
  afterEach(async () => {
    resetPage();
    await emulate();
  });

  for (const scheme of ['light', 'dark'] as const)
    for (const page of PAGES[scheme])
      it(`axe-core finds nothing, and the card's text and the Sign out border are visible, in every theme × size, ${scheme} on ${page}`, async () => {
        await emulate({ 'prefers-color-scheme': scheme });
        const host = usePage(scheme, page);
        const problems: string[] = [];
        for (const user of USERS) {
          const ns = fresh();
          await signIn(ns, user);
          for (const theme of THEMES)
            for (const size of SIZES) {
              const el = await signedInCard(host, ns, { theme, size });
              const card = el.shadowRoot!.querySelector('.card')!;
              const logout = el.shadowRoot!.querySelector('[part="logout"]')!;
              // The surface under the text: the card's own, or the page where it has none.
              const surface = parseColor(getComputedStyle(card).backgroundColor);
              const under = surface[3] == 0 ? parseColor(page) : surface;
              const ink = parseColor(getComputedStyle(card).color);
              const edge = parseColor(getComputedStyle(logout).borderTopColor);
              if (contrast(ink, under) < 4.5) problems.push(`${theme} ${size}: text ${contrast(ink, under).toFixed(2)}:1`);
              if (contrast(edge, under) < 3) problems.push(`${theme} ${size}: Sign out border ${contrast(edge, under).toFixed(2)}:1`);
            }
        }
        problems.push(...(await axeViolations(host)));
        expect(problems).to.deep.equal([]);
      });

  it('dark mode: the dark brands\' filled buttons (BBaton, BitBadges) keep an edge ≥ 3:1 against a dark page; in light mode the border is the brand', async () => {
    for (const scheme of ['dark', 'light'] as const) {
      await emulate({ 'prefers-color-scheme': scheme });
      const host = usePage(scheme);
      for (const tag of ['bbaton-login', 'bitbadges-login']) {
        const el = await place(host, tag);
        const style = getComputedStyle(innerButton(el));
        const [edge, fill] = [parseColor(style.borderTopColor), parseColor(style.backgroundColor)];
        if (scheme == 'dark') expect(contrast(edge, parseColor(PAGES.dark[0])), tag).to.be.at.least(3);
        else expect(edge, tag).to.deep.equal(fill);
      }
      resetPage();
    }
  });
});
