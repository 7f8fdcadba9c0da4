import { css } from 'lit';

/**
 * Shared look. Providers set only `--_bg`, `--_fg`, `--_border`; users restyle through the public
 * `--login-*` properties or `::part(button)`.
 */
export const buttonStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
  }
  :host([hidden]) {
    display: none;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    box-sizing: border-box;
    width: 100%;
    min-height: var(--login-height, 2.75rem);
    padding: var(--login-padding, 0 1.25em);
    font: var(--login-font, 600 1rem/1.2 system-ui, sans-serif);
    color: var(--login-color, var(--_fg));
    background: var(--login-background, var(--_bg));
    border: var(--login-border, 1px solid var(--_border, transparent));
    border-radius: var(--login-radius, 0.5rem);
    cursor: pointer;
  }
  button:hover {
    filter: brightness(1.1);
  }
  button:focus-visible {
    outline: var(--login-focus-ring, 3px solid #4d90fe);
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :host([busy]) button {
    cursor: progress;
    opacity: 0.8;
  }
`;
