/**
 * Compile-time checks of the text tables (run by `npm run typecheck`): `setTexts` takes typed parts, so a
 * misspelt part or text name fails; a button's labels, error texts and provider names never share a key.
 */
import { setTexts } from '../../src/index.js';
import type { PARTS, SiteTexts } from '../../src/i18n/language.js';
import type { ButtonLabels, ErrorKey } from '../../src/i18n/en.js';
import type { ProviderType } from '../../src/contract/wire.js';

export function texts(): void {
  setTexts('de', {
    button: { signin_with: 'Mit {provider} anmelden', failed: 'Anmeldung fehlgeschlagen.' },
    errors: { popup_blocked: 'Pop-up blockiert.', in_app_browser: 'Im Browser öffnen.', invalid_scope: 'Ungültiger Scope.' },
    names: { kakao: 'KakaoTalk' },
    session: { signOut: 'Abmelden' },
    chooser: { lastUsed: 'Zuletzt benutzt' },
  });
  // @ts-expect-error a misspelt label
  setTexts('de', { button: { signin_wth: 'Mit {provider} anmelden' } });
  // @ts-expect-error an error text belongs in `errors`, not with the labels
  setTexts('de', { button: { timeout: 'Zeit abgelaufen.' } });
  // @ts-expect-error not an error code or cancel reason
  setTexts('de', { errors: { time_out: 'Zeit abgelaufen.' } });
  // @ts-expect-error not a provider type
  setTexts('de', { names: { kakaotalk: 'KakaoTalk' } });
  // @ts-expect-error not a part
  setTexts('de', { buttons: { failed: 'Fehler.' } });
  // @ts-expect-error a text is a string
  setTexts('de', { session: { signOut: 1 } });
}

/** The three kinds of button text have no key in common (a label named like an error code or provider would be read as both). */
type Shared = Extract<keyof ButtonLabels, ErrorKey | ProviderType> | Extract<ErrorKey, ProviderType>;
export const disjoint: [Shared] extends [never] ? true : Shared = true;

/** `setTexts`' runtime check knows every part the type has. */
export const everyPart: [Exclude<keyof SiteTexts, (typeof PARTS)[number]>] extends [never] ? true : never = true;
