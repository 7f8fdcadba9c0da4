import { css } from 'lit';

/**
 * Shared look. A provider sets only its colours on `:host`: `--_brand` (filled background), `--_on`
 * (text on it) and `--_ink` (its colour as text on a light or a dark page, via `light-dark()`). The theme, size and shape classes on the button
 * turn those into `--_bg`, `--_fg`, `--_bd`, `--_mk` (the mark); a near-black brand sets `--_edge`, its
 * filled border on a dark page (decision 30); users restyle through the public
 * `--login-*` properties or `::part()`.
 *
 * A busy label stays on one line (the button keeps its height); the status below says it whole.
 * Contrast (contract §2, checked by test/browser/a11y.test.ts): every text ≥ 4.5:1 on its button in every
 * theme, state and scheme; the focus ring has an inner band in the text colour (so ≥ 4.5:1 against the
 * button) and an outer band of #1a73e8 (≥ 4:1 against white, #f6f7f9 and near-black pages).
 * No forced-colours rules: no colour here is a system colour, so in forced-colours mode the browser
 * puts the button's own (ButtonText on ButtonFace, GrayText only when disabled) in place of every one.
 */
export const buttonStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    max-width: 100%;
    /* Wrap between words (Korean, and Japanese at the space after the provider's name), breaking a
       word only when it cannot fit on a line of its own. */
    word-break: keep-all;
    overflow-wrap: anywhere;
  }
  button {
    --_h: 44px;
    --_r: 4px;
    --_bg: var(--_brand);
    --_fg: var(--_on);
    --_bd: light-dark(var(--_brand), var(--_edge, var(--_brand)));
    --_mk: var(--_on);
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.75em;
    box-sizing: border-box;
    width: 100%;
    min-height: var(--login-height, var(--_h));
    padding: var(--login-padding, 0.375em 1em);
    font: var(--login-font, 500 var(--_fs, 1rem) / 1.25 system-ui, sans-serif);
    text-align: center;
    color: var(--login-color, var(--_fg));
    background: var(--login-background, var(--_bg));
    border: var(--login-border, 1px solid var(--_bd));
    border-radius: var(--login-radius, var(--_r));
    cursor: pointer;
  }
  .outline,
  .neutral {
    --_bg: light-dark(#fff, #131314);
    --_mk: var(--_ink);
  }
  .outline {
    --_fg: var(--_ink);
    --_bd: var(--_ink);
  }
  .neutral {
    --_fg: light-dark(#1f1f1f, #e3e3e3);
    --_bd: light-dark(#747775, #8e918f);
  }
  .medium {
    --_h: 40px;
  }
  .small {
    --_h: 32px;
    --_fs: 0.875rem;
  }
  .pill {
    --_r: 999px;
  }
  .icon {
    width: var(--login-height, var(--_h));
    padding: 0;
  }
  .label {
    flex: 1;
    min-width: 0;
  }
  .center .label {
    flex: 0 1 auto;
  }
  [aria-busy='true'] .label {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* Hover lifts the button (as GIS does) without touching its colours, so contrast stays as idle. */
  button:hover {
    box-shadow: 0 1px 3px #0006;
  }
  button:focus-visible {
    outline: var(--login-focus-ring, 2px solid #1a73e8);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--_fg);
  }
  button:disabled,
  [aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .logo {
    display: inline-flex;
    flex: none;
    color: var(--_mk);
  }
  svg,
  .spin,
  ::slotted([slot='logo']) {
    width: 1.25em;
    height: 1.25em;
  }
  svg {
    fill: currentColor;
    fill-rule: evenodd;
  }
  .spin {
    box-sizing: border-box;
    border: 0.15em solid;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spin {
      animation: none;
    }
  }
  /* A message never widens the button: it takes the button's width (an icon button's host grows instead). */
  .status {
    margin-top: 0.25em;
    font-size: 0.875em;
    width: 0;
    min-width: 100%;
  }
  .icon + .status {
    width: auto;
  }
  .sr,
  .icon .label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* The hidden label parts need no rule: the user agent's [hidden] applies (none of them sets a display). */
  :host([hidden]) {
    display: none;
  }
`;
