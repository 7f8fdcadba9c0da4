import { css, html, type TemplateResult } from 'lit';
import type { session as en } from '../i18n/en.js';
import { nameOf } from '../providers/names.js';
import { callEndpoint } from '../core/exchange.js';
import type { SessionUser, SessionView } from '../core/session.js';

// `<login-session>`'s default signed-in content (contract §7): the buttons' font, theme and size; picture or
// initials; a display name that is never a raw id; an outline Sign out button. `size="small"` is the
// compact one-line form for a page header.

/** What the person is called: `name`, else `email`; undefined when the session has neither. */
export function displayName(user: SessionUser | null): string | undefined {
  const said = (value: unknown) => (typeof value == 'string' && value.trim()) || undefined;
  return said(user?.name) ?? said(user?.email);
}

/** "Ada Lovelace" → "AL", "ada@example.com" → "A", "김민수" → "김": what a picture-less avatar shows. */
export function initials(name: string): string {
  const words = (name.includes('@') ? name.split('@')[0]! : name).split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1);
  return letters.map((word) => [...word][0]!.toUpperCase()).join('');
}

/** The served provider lists by URL (asked only for a session with no name or email). */
const lists = new Map<string, Promise<unknown>>();

/**
 * The provider's display name: the served list's `label` (`{endpoint}/providers`), else a built-in
 * provider's own name (when the key is its type), else its key. `now` is what is known at once; `served` settles with the best.
 */
export function providerLabel(endpoint: string, key: string): { now: string; served: Promise<string> } {
  const now = nameOf(key) ?? key;
  const url = endpoint.replace(/\/*$/, '/providers');
  if (!lists.has(url)) lists.set(url, callEndpoint(url).catch(() => lists.delete(url)));
  const served = lists.get(url)!.then((list) => (list as { providers?: { key: string; label?: string }[] }).providers?.find((p) => p.key == key)?.label || now);
  return { now, served: served.catch(() => now) };
}

/**
 * The label an element shows for `key`, kept in its `memory`: at once what is known, then the served
 * one (`changed` asks the element to render again).
 */
export function heldLabel(memory: { held?: [key: string, label: string] }, endpoint: string, key: string, changed: () => void): string {
  if (memory.held?.[0] == key) return memory.held[1];
  const { now, served } = providerLabel(endpoint, key);
  memory.held = [key, now];
  void served.then((label) => {
    if (memory.held?.[0] == key && label != memory.held[1]) {
      memory.held = [key, label];
      changed();
    }
  });
  return now;
}

/** A head-and-shoulders glyph for a session with no name, email or picture. */
const person = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5Z"/></svg>`;

export interface CardContent {
  /** "Signed in as {name}" split around the name, or the whole fallback sentence in `name` with empty sides. */
  before: string;
  name: string;
  after: string;
  /** Initials, or '' for the glyph. */
  letters: string;
  picture?: string;
  signOut: string;
  lang: string;
  classes: string;
  size?: string;
  onPictureError: () => void;
  onSignOut: () => void;
}

/** The signed-in card. One template per line part: a template's whitespace ships in the bundle. */
export function card(c: CardContent): TemplateResult {
  const picture = c.picture ? html`<img src=${c.picture} alt="" referrerpolicy="no-referrer" @error=${c.onPictureError} />` : c.letters ? '' : person;
  // Initials are drawn by CSS (::before): the name beside them already says them.
  return html`<div class="card ${c.classes}" lang=${c.lang}><span class="pic" data-i=${c.picture ? '' : c.letters} aria-hidden="true">${picture}</span><span class="who"><span class="cap">${c.before}</span><span part="user">${c.name}</span><span class="cap">${c.after}</span></span> <button part="logout" type="button" class="neutral ${c.size}" @click=${c.onSignOut}>${c.signOut}</button></div>`;
}

/** What `<login-session>` gives its card: the session, its texts in `lang`, its look, and what the parts do. */
export interface CardOf {
  session: SessionView;
  texts: typeof en;
  lang: string;
  theme?: string;
  size?: string;
  /** A picture that failed to load: initials show instead. */
  brokenPicture?: string;
  /** The provider's label for "Signed in with …". */
  label: (key: string) => string;
  onPictureError: (picture: string | undefined) => void;
  onSignOut: () => void;
}

/** A session's card: its name (never a raw id), else "Signed in with {provider}"; its picture unless it failed, else initials. */
export function cardOf(o: CardOf): TemplateResult {
  const { user, provider } = o.session;
  const name = displayName(user);
  const [before = '', after = ''] = name ? o.texts.signedInAs.split('{name}') : [];
  const picture = typeof user?.picture == 'string' && user.picture != o.brokenPicture ? user.picture : undefined;
  return card({
    before,
    after,
    name: name ?? o.texts.signedInWith.replace('{provider}', o.label(provider)),
    letters: name ? initials(name) : '',
    picture,
    signOut: o.texts.signOut,
    lang: o.lang,
    classes: `${o.theme} ${o.size}`,
    size: o.size,
    onPictureError: () => o.onPictureError(picture),
    onSignOut: o.onSignOut,
  });
}

/**
 * The card's look on top of the buttons' own styles (styles.ts: font, `--_h` by size, focus ring): the
 * Sign out button is a `neutral` login button (grey border, the page's light or dark surface), of the
 * card's size. Card themes: `filled` a tinted surface, `outline` a bordered one, `neutral` none (flat on
 * the page). Every text ≥ 4.5:1 on its surface in both schemes (test/browser/a11y-session.test.ts).
 */
export const cardStyles = css`
  .card {
    display: flex;
    align-items: center;
    gap: 0.75em;
    padding: 6px 6px 6px 10px;
    font: var(--login-font, 500 var(--_fs, 1rem) / 1.25 system-ui, sans-serif);
    color: light-dark(#1f1f1f, #e3e3e3);
    background: light-dark(#f1f3f4, #28292a);
    border: 1px solid transparent;
    border-radius: var(--login-radius, 8px);
  }
  .card.outline {
    background: light-dark(#fff, #131314);
    border-color: light-dark(#dadce0, #5f6368);
  }
  .card.small {
    gap: 0.5em;
    padding: 2px 2px 2px 4px;
    white-space: nowrap;
  }
  .card.neutral {
    background: none;
    padding: 0;
    border: 0;
  }
  .pic {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2.25em;
    height: 2.25em;
    overflow: hidden;
    border-radius: 50%;
    font-size: 0.875em;
    font-weight: 600;
    background: light-dark(#dfe3e8, #3c4043);
  }
  .pic::before {
    content: attr(data-i);
  }
  img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  /* Lines break between words (a word only when it cannot fit alone), so a narrow place never
     squeezes a name to a letter per line; the compact form cuts it with an ellipsis instead. */
  .who {
    flex: 1;
    overflow-wrap: break-word;
  }
  .small .who {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [part='user'] {
    font-weight: 600;
  }
  /* The compact form shows the name alone; "Signed in as" is still read out. */
  .small .cap {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  button {
    flex: none;
    width: auto;
  }
`;
