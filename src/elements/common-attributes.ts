import { LitElement, type PropertyDeclarations } from 'lit';
import type { LoginMode } from '../core/types.js';
import type { TextPreset } from './texts.js';

/**
 * The attributes a login button and `<login-chooser>` both have: a button's flow (`mode`, `timeout`),
 * `quiet` and its looks. Declared once, here: the chooser hands the values it has to every button it
 * shows (`handDown`), as properties, so that a framework's props reach them too.
 */
export class CommonAttributes extends LitElement {
  static override properties: PropertyDeclarations = {
    mode: {},
    timeout: { type: Number },
    quiet: { type: Boolean },
    theme: {},
    size: {},
    shape: {},
    type: {},
    text: {},
    logoAlignment: { attribute: 'logo-alignment' },
  };

  /** `popup`, `redirect`, or `auto` (popup, falling back to redirect when blocked; a redirect at once in in-app browsers, webviews and home-screen apps). */
  declare mode: LoginMode;
  /** ms until the flow fails with `timeout`, the companion-endpoint call included; 0 = none. */
  declare timeout: number;
  /** No visible message after an error or a cancel (for sites that show their own); announcements stay. */
  declare quiet?: boolean;
  /** `filled` (default: brand colours), `outline` (brand border and text on the page's light or dark background) or `neutral` (black/white following the page's colour scheme). */
  declare theme?: 'filled' | 'outline' | 'neutral';
  /** Minimum height: `large` (default) 44 px, `medium` 40 px, `small` 32 px. */
  declare size?: 'large' | 'medium' | 'small';
  /** `rectangular` (default), `pill`, or for `type="icon"` `square`, `circle` (a standard button reads them as `rectangular`, `pill`). */
  declare shape?: 'rectangular' | 'pill' | 'square' | 'circle';
  /** `standard` (default), or `icon`: the mark alone, its accessible name still the full label. */
  declare type?: 'standard' | 'icon';
  /** The label: `signin_with` (default, "Log in with …"), `signup_with`, `continue_with` or `signin` ("Log in"), in the element's language. */
  declare text?: TextPreset;
  /** Where the mark sits in a standard button: `left` (default: at the start edge) or `center` (beside the label). */
  declare logoAlignment?: 'left' | 'center';

  constructor() {
    super();
    this.mode = 'auto';
    this.timeout = 300_000;
  }
}

/** The names of the common attributes' properties. */
export type Common = Exclude<keyof CommonAttributes, keyof LitElement>;

/** Sets every common property `from` has on `to` (a chooser's values on its buttons). */
export function handDown(from: CommonAttributes, to: CommonAttributes): void {
  for (const name of Object.keys(CommonAttributes.properties) as Common[]) if (from[name] !== undefined) (to as unknown as Record<Common, unknown>)[name] = from[name];
}
