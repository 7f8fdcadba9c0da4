import { css } from 'lit';

/** `<login-chooser>`'s own looks: the group of buttons, the "Last used" badge, the error message. */
export const chooserStyles = css`
  :host {
    display: block;
    max-width: 100%;
  }
  [part='group'] {
    display: flex;
    flex-direction: column;
    gap: var(--login-chooser-gap, 0.75rem);
  }
  .row {
    flex-flow: row wrap;
  }
  .item {
    position: relative;
  }
  .item > :not(.badge) {
    display: block;
  }
  .last {
    margin-top: 0.5rem;
  }
  .badge {
    position: absolute;
    z-index: 1;
    top: 0;
    inset-inline-end: 0.75em;
    transform: translateY(-50%);
    padding: 0.125em 0.5em;
    border: 1px solid transparent;
    border-radius: 999px;
    font: 600 0.75rem / 1.25 system-ui, sans-serif;
    color: var(--login-badge-color, #fff);
    background: var(--login-badge-background, #1557b0);
    pointer-events: none;
  }
  [part='error'] {
    margin: 0;
    padding: 0.75em 1em;
    border: 1px solid;
    border-radius: 4px;
    font: 0.875rem / 1.4 system-ui, sans-serif;
  }
  :host([hidden]) {
    display: none;
  }
`;
