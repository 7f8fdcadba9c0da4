import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import { button as en } from '../../src/i18n/en.js';
import { button as ja } from '../../src/i18n/ja.js';
import { button as ko } from '../../src/i18n/ko.js';
import type { LoginButton } from '../../src/elements/login-button.js';
import { TAGS, innerButton, place, resetPage, statusOf, usePage } from './a11y-helpers.js';
import { until } from './helpers.js';

// contract §2 appearance attributes (GIS names), the provider marks, and reflow at 320 px.

const box = (el: Element) => innerButton(el).getBoundingClientRect();

describe('appearance', () => {
  afterEach(async () => {
    resetPage();
    await setViewport({ width: 800, height: 600 });
  });

  it('size: large 44, medium 40, small 32 px high; icon buttons square, never under 24×24', async () => {
    const host = usePage('light');
    for (const [size, px] of [['large', 44], ['medium', 40], ['small', 32]] as const) {
      const standard = await place(host, 'bbaton-login', { size });
      expect(box(standard).height, size).to.equal(px);
      const icon = await place(host, 'bbaton-login', { size, type: 'icon' });
      expect([box(icon).width, box(icon).height], `${size} icon`).to.deep.equal([px, px]);
    }
    const defaults = await place(host, 'upbond-login');
    expect(box(defaults).height).to.equal(44);
  });

  it('shape: rectangular and square have small corners, pill and circle round ones; a standard button reads square/circle as rectangular/pill', async () => {
    const host = usePage('light');
    const radius = async (attributes: Record<string, string>) => parseFloat(getComputedStyle(innerButton(await place(host, 'belladati-login', attributes))).borderTopLeftRadius);
    expect(await radius({})).to.equal(4);
    expect(await radius({ shape: 'square', type: 'icon' })).to.equal(4);
    expect(await radius({ shape: 'square' })).to.equal(4);
    expect(await radius({ shape: 'pill' })).to.be.at.least(22);
    expect(await radius({ shape: 'circle' })).to.be.at.least(22);
    const circle = await place(host, 'belladati-login', { shape: 'circle', type: 'icon' });
    expect(getComputedStyle(innerButton(circle)).borderTopLeftRadius).to.not.equal('4px');
    expect(box(circle).width).to.equal(box(circle).height);
  });

  it('theme: filled is the brand, outline the brand as border and text, neutral black/white following the scheme', async () => {
    const host = usePage('light');
    const colours = async (theme?: string) => {
      const style = getComputedStyle(innerButton(await place(host, 'upbond-login', theme ? { theme } : {})));
      return [style.backgroundColor, style.color, style.borderTopColor];
    };
    expect(await colours()).to.deep.equal(['rgb(79, 60, 201)', 'rgb(255, 255, 255)', 'rgb(79, 60, 201)']);
    expect(await colours('outline')).to.deep.equal(['rgb(255, 255, 255)', 'rgb(79, 60, 201)', 'rgb(79, 60, 201)']);
    expect(await colours('neutral')).to.deep.equal(['rgb(255, 255, 255)', 'rgb(31, 31, 31)', 'rgb(116, 119, 117)']);
    document.documentElement.style.colorScheme = 'dark';
    expect(await colours('neutral')).to.deep.equal(['rgb(19, 19, 20)', 'rgb(227, 227, 227)', 'rgb(142, 145, 143)']);
  });

  it('never reflects a default, and reflects nothing the page did not set', async () => {
    const el = await place(usePage('light'), 'bitbadges-login');
    for (const name of ['theme', 'size', 'shape', 'type', 'text', 'logo-alignment', 'quiet', 'lang']) expect(el.hasAttribute(name), name).to.equal(false);
  });

  it('every element shows its own mark in a logo part; logo-alignment centre puts it beside the label', async () => {
    const host = usePage('light');
    const marks = new Set<string>();
    for (const tag of TAGS) {
      const el = await place(host, tag);
      const logo = el.shadowRoot!.querySelector('[part="logo"]')!;
      const svg = logo.querySelector('svg')!;
      expect(svg.getAttribute('aria-hidden')).to.equal('true');
      expect(svg.getBoundingClientRect().width).to.be.greaterThan(15);
      marks.add(svg.innerHTML);
    }
    expect(marks.size).to.equal(TAGS.length);
    const left = await place(host, 'bbaton-login', { style: 'width: 300px' });
    const center = await place(host, 'bbaton-login', { style: 'width: 300px', 'logo-alignment': 'center' });
    const logoX = (el: Element) => el.shadowRoot!.querySelector('[part="logo"]')!.getBoundingClientRect().x - el.getBoundingClientRect().x;
    expect(logoX(left)).to.be.below(25);
    expect(logoX(center)).to.be.above(40);
  });

  it('a message below the button never changes its width; under an icon button it stays readable', async () => {
    const host = usePage('light');
    host.style.display = 'block';
    for (const type of ['standard', 'icon']) {
      const el = await place(host, 'oauth-login', { type, 'authorize-endpoint': '/fixtures/authorize', mode: 'popup' });
      const before = box(el).width;
      await el.login().catch(() => {}); // no user activation: popup_blocked, the longest English message
      await el.updateComplete;
      expect(statusOf(el).textContent).to.equal(en.popup_blocked);
      expect(box(el).width, type).to.equal(before);
      expect(statusOf(el).getBoundingClientRect().width, type).to.be.at.least(type == 'icon' ? 200 : before - 1);
    }
  });

  it('<oauth-login>: a neutral key, replaced through the logo slot', async () => {
    const el = await place(usePage('light'), 'oauth-login', { 'provider-label': 'Corp ID' });
    const logo = document.createElement('img');
    logo.slot = 'logo';
    logo.alt = '';
    logo.src = 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="red"/></svg>';
    el.append(logo);
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="logo"]')!;
    expect(slot.assignedElements()).to.deep.equal([logo]);
    expect(logo.getBoundingClientRect().width).to.equal(20);
  });

  for (const [lang, own] of [
    ['en', {}],
    ['ko', ko],
    ['ja', ja],
  ] as const) {
    it(`reflow at 320 px (${lang}): the longest label, busy text and message wrap inside, with padding, no horizontal scroll`, async () => {
      await setViewport({ width: 320, height: 640 });
      document.documentElement.lang = lang;
      const texts = { ...en, ...own };
      const longest = Object.values(texts)
        .filter((t) => typeof t == 'string')
        .reduce((a, b) => (b.length > a.length ? b : a));
      const host = usePage('light');
      host.style.padding = '16px';
      const elements: LoginButton[] = [];
      for (const tag of TAGS) {
        for (const text of ['signin_with', 'signup_with', 'continue_with']) elements.push(await place(host, tag, { text, 'provider-label': 'Corporate Identity Provider' }));
        const busy = await place(host, tag, { 'provider-label': 'Corporate Identity Provider' });
        busy.busy = true;
        const error = await place(host, tag, { 'redirect-uri': 'javascript:void 0' });
        await error.login().catch(() => {});
        const long = await place(host, tag);
        long.textContent = longest;
        const word = await place(host, tag);
        word.textContent = 'Anmeldungsbestätigungsverfahrensschritt'.repeat(2);
        elements.push(busy, error, long, word);
      }
      await until(() => elements[0]!.shadowRoot!.querySelector('slot:not([name]) span')!.getAttribute('lang') == lang, 5000, 'the texts');
      await Promise.all(elements.map((el) => el.updateComplete));
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const el of elements) {
        const button = innerButton(el);
        expect(button.scrollWidth, button.innerText).to.be.at.most(button.clientWidth);
        expect(el.getBoundingClientRect().right).to.be.at.most(320 - 16);
        expect(statusOf(el).scrollWidth).to.be.at.most(Math.max(statusOf(el).clientWidth, 1));
      }
      // Wrapped text keeps clear of the edges.
      const wrapped = elements.find((el) => box(el).height > 60)!;
      const style = getComputedStyle(innerButton(wrapped));
      expect(parseFloat(style.paddingTop)).to.be.at.least(4);
      expect(parseFloat(style.paddingLeft)).to.be.at.least(12);
    });
  }
});
