// Helpers for the <login-session> element tests against the fixture session routes
// (test/browser/fixtures/session-server.js): real HTTP, a real cookie, real windows. Each test takes its
// own namespace, so its own cookie and sessions.
import type { LoginSession, SessionChangeDetail } from '../../src/elements/login-session.js';
import { nextTask, popupsPerTest, until } from './helpers.js';

let count = 0;
/** The namespaces the current test took: after it, none may hold a body openapi.yaml does not allow. */
const taken: string[] = [];
export const fresh = () => {
  const ns = `s${Date.now().toString(36)}${count++}`;
  taken.push(ns);
  return ns;
};
export const base = (ns: string) => `/fixtures/sess/${ns}`;
const post = async (url: string, body: unknown) => (await fetch(url, { method: 'POST', body: JSON.stringify(body) })).json();
export const control = (ns: string, body: Record<string, unknown>) => post(`${base(ns)}/control`, body);
export const stats = async (ns: string) =>
  (await (await fetch(`${base(ns)}/stats`)).json()) as { reads: number; logouts: unknown[]; sessions: number; held: number; violations: string[] };
export const ADA = { id: 'user-42', name: 'Ada Lovelace', email: 'ada@example.com' };
export const GRACE = { id: 'user-7', name: 'Grace Hopper' };
export const signIn = (ns: string, user: Record<string, unknown> = ADA, provider = 'corp') => control(ns, { signIn: { provider, user } });

/** Every session-change that reaches the document, in order. */
export function changes(): SessionChangeDetail[] {
  const seen: SessionChangeDetail[] = [];
  const record = (e: CustomEvent<SessionChangeDetail>) => seen.push(e.detail);
  document.addEventListener('session-change', record);
  after.push(() => document.removeEventListener('session-change', record));
  return seen;
}
const after: (() => void)[] = [];
/** Runs `undo` after the current test. */
export const afterThisTest = (undo: () => void) => void after.push(undo);

/** A <login-session> for `ns` with a signed-out child (a "Log in" paragraph), attached. */
export function session(ns: string, attributes: Record<string, string> = {}): LoginSession {
  const el = document.createElement('login-session');
  el.setAttribute('endpoint', base(ns));
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = '<p slot="signed-out" id="out">Log in, please</p>';
  document.body.append(el);
  return el;
}
export const settled = (el: LoginSession) => until(() => el.state != 'loading', 5000, 'a known state');
/** What the element renders as text: its shadow tree, slots replaced by what is assigned to them (else their fallback). */
function rendered(node: Node): string {
  if (node instanceof Text) return node.data;
  const slot = node instanceof HTMLSlotElement && node.assignedNodes();
  const children = slot && slot.length ? slot : [...((node as Element).shadowRoot ?? node).childNodes];
  return children.map(rendered).join('');
}
const seen = (el: LoginSession) => (el.checkVisibility() ? rendered(el) : '');
export const text = (el: LoginSession) => seen(el).replace(/\s+/g, ' ').trim();

/** An iframe of the same origin with its own <login-session>: another tab, as far as the session goes. */
export async function otherTab(attributes: Record<string, string>) {
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/fixtures/session.html?${new URLSearchParams(attributes)}`;
  document.body.append(frame);
  await until(() => !!(frame.contentWindow as (Window & { el?: LoginSession }) | null)?.el, 10_000, 'the other tab');
  const win = frame.contentWindow as Window & { el: LoginSession; changes: SessionChangeDetail[] };
  return { frame, win, el: () => win.el };
}

/**
 * For every test of the file: no user activation and window.open recorded (helpers.ts), and after it
 * the document listeners and the page's language undone. `opened` is the current test's record.
 */
export function sessionTests(): { opened: (Window | null)[] } {
  const popups = popupsPerTest();
  afterEach(async () => {
    after.splice(0).reverse().forEach((undo) => undo());
    document.documentElement.lang = '';
    // The fixture answered 500 for each of these; a test that went on regardless fails here.
    const violations = (await Promise.all(taken.splice(0).map(async (ns) => (await stats(ns)).violations))).flat();
    if (violations.length) throw new Error(`the fixture session routes left openapi.yaml:\n${violations.join('\n')}`);
  });
  return popups;
}

/**
 * Records every request this page makes to `{base(ns)}/{route}` (the element calls fetch synchronously
 * from the event that causes a read, so a count taken right after a synchronous dispatch is final).
 * `settled()` resolves once every recorded answer has been read and a task has passed: the element
 * has handled them.
 */
export function requestsTo(ns: string, route: 'session' | 'logout') {
  const original = window.fetch;
  const path = `${base(ns)}/${route}`;
  const answers: Promise<unknown>[] = [];
  window.fetch = (input, init) => {
    const response = original(input, init);
    if (new URL(String(input instanceof Request ? input.url : input), location.href).pathname == path)
      answers.push(response.then((r) => r.clone().text()).catch(() => undefined));
    return response;
  };
  afterThisTest(() => (window.fetch = original));
  return {
    count: () => answers.length,
    settled: async () => {
      await Promise.all(answers);
      await nextTask();
    },
  };
}
