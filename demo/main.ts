/**
 * The demo page: a button per provider built from the server's config, a mode switch, the session (who is signed
 * in, sign out, a call to the site's own API), an event log, a profile card.
 */
import '../src/index.js';
import type { LoginButton, LoginMode, LoginSession, SessionChangeDetail } from '../src/index.js';
import { setPageLanguage, t } from './page-texts.js';
import type { ButtonConfig } from './providers.js';

type LoggedEvent = { type: string; detail: Record<string, unknown>; at: number };
declare global {
  interface Window {
    /** Every login event of this page load, for people and for the end-to-end tests. */
    demoEvents: LoggedEvent[];
    /** Every session-change detail of this page load, in order. */
    sessionChanges: SessionChangeDetail[];
  }
}
window.demoEvents = [];
window.sessionChanges = [];

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const MODE_KEY = 'login-elements-demo:mode';
const LANGUAGE_KEY = 'login-elements-demo:language';
/** The provider's name as its button says it, by the key events carry (`corp` → "OpenID Connect"). */
const labels = new Map<string, string>();
const labelOf = (key: string) => labels.get(key) ?? key;

/** A choice remembered in this tab; where storage is blocked (a cross-site frame) it lasts for this page only. */
function remembered(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
function remember(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    /* blocked storage: nothing to keep it in */
  }
}
const currentMode = () => (remembered(MODE_KEY) as LoginMode | null) ?? 'popup';

function log(type: string, detail: Record<string, unknown>) {
  if (type == 'session-change') window.sessionChanges.push(detail as unknown as SessionChangeDetail);
  else window.demoEvents.push({ type, detail, at: performance.now() });
  const item = document.createElement('li');
  item.className = type;
  const title = document.createElement('strong');
  title.textContent = `${type} · ${labelOf(String(detail.provider))} · ${String(detail.mode ?? detail.state)}`;
  // Collapsed, so a screen reader reads the title, not the JSON, when the entry arrives.
  const body = document.createElement('details');
  body.innerHTML = '<summary>detail</summary>';
  const json = document.createElement('pre');
  json.textContent = JSON.stringify(detail, null, 2);
  body.append(json);
  item.append(title, body);
  $('#log').prepend(item);
}

function showProfile(detail: Record<string, unknown>) {
  const result = detail.result as { provider: string; user: Record<string, unknown> | null } | undefined;
  const card = $('#profile');
  card.replaceChildren();
  const rows: [string, unknown][] = [[t('Provider'), labelOf(String(detail.provider))]];
  const user = result?.user;
  if (!user) rows.push([t('User'), 'this provider names no user (BellaDati without a userinfo endpoint)']);
  else {
    rows.push(['ID', user.id]);
    if ('adult' in user) rows.push(['Adult (BBaton)', user.adult ? 'yes ✔' : 'no'], ['Birth year', user.birthYear], ['Gender', user.gender]);
    if (detail.provider === 'bitbadges') rows.push(['Address', user.id]);
    for (const claim of ['name', 'email']) if (claim in user) rows.push([t(claim === 'name' ? 'Name' : 'Email'), user[claim]]);
    if ('emailVerified' in user) rows.push([t('Email verified'), user.emailVerified ? 'yes ✔' : 'no']);
  }
  const list = document.createElement('dl');
  for (const [name, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = String(value);
    list.append(dt, dd);
  }
  card.append(list);
  if (user?.raw) {
    const raw = document.createElement('details');
    raw.innerHTML = '<summary>Raw profile / claims</summary>';
    const pre = document.createElement('pre');
    pre.textContent = JSON.stringify(user.raw, null, 2);
    raw.append(pre);
    card.append(raw);
  }
  card.dataset.provider = String(detail.provider);
}

function render(buttons: ButtonConfig[]) {
  const host = $('#buttons');
  for (const { tag, key, label, live } of buttons) {
    const el = document.createElement(tag) as LoginButton;
    // Configured once, on the server (contract §7): the element reads its settings from /auth/providers.
    el.setAttribute('endpoint', '/auth');
    if (tag === 'oauth-login') el.setAttribute('provider', key);
    el.mode = currentMode();
    el.dataset.key = key;
    labels.set(key, label);
    // The generic element names no provider unless told; its texts then say "Log in with OpenID Connect".
    if (tag === 'oauth-login') el.setAttribute('provider-label', label);
    const row = document.createElement('div');
    row.className = 'button-row';
    const badge = document.createElement('span');
    badge.className = live ? 'badge live' : 'badge';
    badge.dataset.t = live ? 'live' : 'standIn';
    badge.textContent = t(badge.dataset.t);
    badge.title = live ? `Real ${label}, from .env` : `Local ${label} stand-in`;
    row.append(el, badge);
    host.append(row);
  }
}

for (const type of ['login-start', 'login-success', 'login-error', 'login-cancel'] as const) {
  document.addEventListener(type, (event) => {
    const detail = (event as unknown as CustomEvent<Record<string, unknown>>).detail;
    log(type, detail);
    if (type === 'login-success') showProfile(detail);
  });
}

for (const input of document.querySelectorAll<HTMLInputElement>('#mode input')) {
  input.checked = input.value === currentMode();
  input.addEventListener('change', () => {
    remember(MODE_KEY, input.value);
    for (const el of document.querySelectorAll<LoginButton>('#buttons [data-key], #chooser')) el.mode = input.value as LoginMode;
  });
}
$<LoginButton>('#chooser').mode = currentMode();
$('#clear').addEventListener('click', () => $('#log').replaceChildren());

// The session: its changes go to the log and the profile card; the checkbox turns on the provider's sign-out.
const session = $<LoginSession>('#session');
document.addEventListener('session-change', ({ detail }) => {
  log('session-change', { ...detail });
  // After a reload (the card is empty then); a login on this page has shown the whole profile already.
  if (detail.state == 'signed-in') {
    if ($('#profile').dataset.provider != detail.provider) showProfile({ provider: detail.provider, result: detail });
  }
  else {
    const nobody = Object.assign(document.createElement('p'), { className: 'muted', textContent: t('nobody') });
    nobody.dataset.t = 'nobody';
    $('#profile').replaceChildren(nobody);
    delete $('#profile').dataset.provider;
  }
});
$<HTMLInputElement>('#provider-logout').addEventListener('change', (event) => (session.providerLogout = (event.target as HTMLInputElement).checked));
$('#api-me').addEventListener('click', async () => {
  const response = await fetch('/api/me');
  const output = $('#api-result');
  output.textContent = `${response.status} ${await response.text()}`;
  output.dataset.status = String(response.status);
});

// The whole page switches: <html lang> (every element follows the document's language, contract §2) and
// the page's own texts.
for (const input of document.querySelectorAll<HTMLInputElement>('#language input')) {
  input.checked = input.value === (remembered(LANGUAGE_KEY) ?? 'en');
  if (input.checked) setPageLanguage(input.value);
  input.addEventListener('change', () => {
    remember(LANGUAGE_KEY, input.value);
    setPageLanguage(input.value);
  });
}

const config = (await (await fetch('/demo-config.json')).json()) as { buttons: ButtonConfig[]; coop: boolean };
render(config.buttons);
document.body.dataset.ready = 'true';
