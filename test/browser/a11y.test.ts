import { expect } from '@esm-bundle/chai';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { LoginButton } from '../../src/elements/login-button.js';
import { PAGES, TAGS, THEMES, axeViolations, contrast, emulate, innerButton, over, parseColor, place, resetPage, statusOf, usePage, type Rgb } from './a11y-helpers.js';

// contract §2 "Contrast and modes" and "axe-core finds nothing", in real Chromium: every element × theme ×
// colour scheme × state, with the figures computed from what the browser really paints.

type State = 'idle' | 'focused' | 'busy' | 'disabled' | 'error';
const STATES: State[] = ['idle', 'focused', 'busy', 'disabled', 'error'];

/** Puts `el` in `state` the way a page gets there. */
async function enter(el: LoginButton, state: State): Promise<void> {
  if (state == 'focused') {
    await sendKeys({ press: 'Shift' }); // keyboard modality: programmatic focus then shows the ring
    el.focus();
  }
  if (state == 'busy') el.busy = true;
  if (state == 'disabled') el.disabled = true;
  if (state == 'error') {
    el.removeAttribute('client-id'); // invalid_config: the element shows its error message
    await el.login().catch(() => {});
  }
  await el.updateComplete;
}

const colorOf = (el: Element, property: string) => parseColor(getComputedStyle(el).getPropertyValue(property));
/** The button's background as painted over the page. */
const backgroundOf = (el: Element, page: Rgb) => over(colorOf(innerButton(el), 'background-color'), page);

describe('accessibility: axe-core, contrast, focus ring, forced colours', function () {
  this.timeout(120_000);
  afterEach(async () => {
    resetPage();
    await emulate();
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const state of STATES) {
      it(`axe-core: no WCAG 2.2 AA violation in any element × theme, ${scheme}, ${state}`, async () => {
        await emulate({ 'prefers-color-scheme': scheme });
        const host = usePage(scheme);
        const problems: string[] = [];
        for (const tag of TAGS)
          for (const theme of THEMES) {
            const el = await place(host, tag, { theme, 'provider-label': 'Corp ID' });
            await enter(el, state);
            if (state == 'focused') expect(innerButton(el).matches(':focus-visible'), `${tag} ${theme} shows focus`).to.equal(true);
            // One focused element at a time: check it while it has focus.
            if (state == 'focused') problems.push(...(await axeViolations(el)));
          }
        if (state != 'focused') problems.push(...(await axeViolations(host)));
        expect(problems).to.deep.equal([]);
      });
    }

    it(`contrast, ${scheme}: text ≥ 4.5:1 on the button idle, hovered, busy and focused; the focus ring ≥ 3:1 against the button and the page`, async () => {
      await emulate({ 'prefers-color-scheme': scheme });
      const figures: string[] = [];
      const failures: string[] = [];
      for (const pageColor of PAGES[scheme]) {
        resetPage();
        const page = parseColor(pageColor);
        const host = usePage(scheme, pageColor);
        for (const tag of TAGS)
          for (const theme of THEMES) {
            const el = await place(host, tag, { theme });
            const check = (what: string, ratio: number, minimum: number) => {
              figures.push(`${tag} ${theme} ${scheme} on ${pageColor} ${what}: ${ratio.toFixed(2)}`);
              if (ratio < minimum) failures.push(`${tag} ${theme} ${scheme} on ${pageColor}: ${what} ${ratio.toFixed(2)} < ${minimum}`);
            };
            const text = () => contrast(over(colorOf(innerButton(el), 'color'), backgroundOf(el, page)), backgroundOf(el, page));
            check('text idle', text(), 4.5);

            const box = el.getBoundingClientRect();
            await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
            expect(innerButton(el).matches(':hover')).to.equal(true);
            check('text hovered', text(), 4.5);
            await sendMouse({ type: 'move', position: [0, 0] });

            await enter(el, 'focused');
            const button = innerButton(el);
            check('text focused', text(), 4.5);
            // Inner band: the box-shadow next to the button; outer band: the outline next to the page.
            const inner = parseColor(getComputedStyle(button).boxShadow);
            const outer = colorOf(button, 'outline-color');
            expect(getComputedStyle(button).outlineStyle).to.equal('solid');
            check('ring inner band vs button', contrast(inner, backgroundOf(el, page)), 3);
            check('ring outer band vs page', contrast(outer, page), 3);
            button.blur();

            await enter(el, 'busy');
            check('text busy', text(), 4.5);
            el.remove();
          }
      }
      expect(failures, figures.join('\n')).to.deep.equal([]);
      expect(figures.length).to.equal(PAGES[scheme].length * TAGS.length * THEMES.length * 6);
    });

    it(`contrast, ${scheme}: the status message ≥ 4.5:1 against the page`, async () => {
      await emulate({ 'prefers-color-scheme': scheme });
      const host = usePage(scheme);
      const el = await place(host, 'upbond-login');
      await enter(el, 'error');
      const status = statusOf(el);
      expect(status.textContent).to.equal('Login failed.');
      expect(status.getBoundingClientRect().height).to.be.greaterThan(5);
      const page = parseColor(PAGES[scheme][0]);
      expect(contrast(colorOf(status, 'color'), page)).to.be.at.least(4.5);
    });

    it(`forced colours, ${scheme}: system colours only, never GrayText on an enabled button, text ≥ 4.5:1`, async () => {
      await emulate({ 'prefers-color-scheme': scheme, 'forced-colors': 'active' });
      const host = usePage(scheme);
      // What each system colour computes to in this emulation, read where forcing cannot touch it.
      const system: Record<string, string> = {};
      for (const name of ['Canvas', 'CanvasText', 'ButtonFace', 'ButtonText', 'ButtonBorder', 'Highlight', 'HighlightText', 'LinkText', 'GrayText', 'Field', 'FieldText']) {
        const probe = document.createElement('i');
        probe.style.cssText = `forced-color-adjust: none; color: ${name}`;
        host.append(probe);
        system[getComputedStyle(probe).color] = name;
        probe.remove();
      }
      const grayText = Object.keys(system).find((value) => system[value] == 'GrayText')!;
      const failures: string[] = [];
      for (const tag of TAGS)
        for (const theme of THEMES)
          for (const state of ['idle', 'focused', 'busy', 'disabled'] as const) {
            const el = await place(host, tag, { theme });
            await enter(el, state);
            const button = innerButton(el);
            const style = getComputedStyle(button);
            const painted = { color: style.color, background: style.backgroundColor, border: style.borderTopColor, mark: getComputedStyle(el.shadowRoot!.querySelector('[part="logo"]')!).color };
            for (const [what, value] of Object.entries(painted)) {
              if (!(value in system)) failures.push(`${tag} ${theme} ${state}: ${what} ${value} is not a system colour`);
              if (state != 'disabled' && value == grayText && what != 'background') failures.push(`${tag} ${theme} ${state}: ${what} is GrayText on an enabled button`);
            }
            if (state != 'disabled') {
              const ratio = contrast(parseColor(painted.color), parseColor(painted.background));
              if (ratio < 4.5) failures.push(`${tag} ${theme} ${state}: text ${ratio.toFixed(2)}:1`);
            }
            if (state == 'focused' && !(style.outlineColor in system)) failures.push(`${tag} ${theme}: focus outline ${style.outlineColor}`);
            el.remove();
          }
      expect(failures).to.deep.equal([]);
    });
  }

  it('the busy indicator turns and stands still under prefers-reduced-motion', async () => {
    const host = usePage('light');
    const el = await place(host, 'bbaton-login');
    el.busy = true;
    await el.updateComplete;
    const spinner = el.shadowRoot!.querySelector('[part="logo"] > *')!;
    expect(getComputedStyle(spinner).animationName).to.equal('spin');
    await emulate({ 'prefers-reduced-motion': 'reduce' });
    expect(getComputedStyle(spinner).animationName).to.equal('none');
    await emulate();
  });
});
