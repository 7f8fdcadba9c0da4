// @vitest-environment node
// Without a DOM (Node, SSR): every JS entry imports, the callback module does nothing, and Lit SSR
// renders all five elements (what ships: dist/, built by `npm run build` before the tests).
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, string | { default?: string }> };
const jsEntries = Object.entries(pkg.exports)
  .map(([entry, target]) => [entry, typeof target == 'string' ? target : target.default] as const)
  .filter((pair): pair is readonly [string, string] => !!pair[1]?.endsWith('.js'));

describe('every JS entry imports without a DOM', () => {
  it('there is no document here', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });
  it.each(jsEntries)('login-elements%s', async (_entry, file) => {
    await expect(import(new URL(`../../${file}`, import.meta.url).href)).resolves.toBeDefined();
  });
});

const TAGS = ['oauth-login', 'bbaton-login', 'belladati-login', 'upbond-login', 'bitbadges-login'];
const LABELS: Record<string, string> = {
  'oauth-login': 'Log in',
  'bbaton-login': 'Log in with BBaton',
  'belladati-login': 'Log in with BellaDati',
  'upbond-login': 'Log in with UPBOND',
  'bitbadges-login': 'Log in with BitBadges',
};

describe('Lit SSR renders <login-session>', () => {
  it('as nothing but an empty shadow root while loading (no flash of the wrong state before hydration)', async () => {
    await import(new URL('../../dist/elements/login-session.js', import.meta.url).href);
    const out = collectResultSync(
      render(html`<login-session endpoint="/auth"><p slot="signed-out">Log in</p><p slot="signed-in">Hello</p></login-session>`),
    );
    expect(out).toMatch(/<template shadowroot(mode)?="open"/);
    const shadow = /<template[^>]*>([\s\S]*?)<\/template>/.exec(out)![1]!;
    expect(shadow.replace(/<!--[^>]*-->|<style>[^<]*<\/style>/g, '').trim()).toBe('');
    expect(out).toContain('state="loading"');
  });
});

describe('Lit SSR renders <login-chooser>', () => {
  it('as its empty, labelled group (the buttons come from the list in the browser)', async () => {
    await import(new URL('../../dist/elements/login-chooser.js', import.meta.url).href);
    const out = collectResultSync(render(html`<login-chooser endpoint="/auth" theme="outline"></login-chooser>`));
    expect(out).toMatch(/<template shadowroot(mode)?="open"/);
    expect(out).toMatch(/role="group"[^>]*aria-label="Choose how to log in"/);
    expect(out).not.toContain('part="badge"');
  });
});

describe('Lit SSR renders every element', () => {
  it.each(TAGS)('<%s>: a declarative shadow root with the button and its label', async (tag) => {
    await import(new URL('../../dist/index.js', import.meta.url).href);
    const t = unsafeStatic(tag);
    const out = collectResultSync(render(html`<${t} client-id="id" redirect-uri="/callback.html" mode="popup"></${t}>`));
    expect(out).toContain(`<${tag}`);
    expect(out).toMatch(/<template shadowroot(mode)?="open"/);
    expect(out).toContain('shadowrootdelegatesfocus');
    expect(out).toMatch(/<button[^>]*part="button"/);
    expect(out.replace(/<!--[^>]*-->/g, '')).toContain(LABELS[tag]);
  });
});
