import { executeServerCommand } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import type { LoginButton } from '../../src/elements/login-button.js';

export const TAGS = ['oauth-login', 'bbaton-login', 'belladati-login', 'upbond-login', 'bitbadges-login', 'google-login', 'github-login', 'microsoft-login', 'kakao-login', 'naver-login', 'line-login'] as const;
export const THEMES = ['filled', 'outline', 'neutral'] as const;
/** The pages contract §2 names: white, the demo's #f6f7f9, and a dark page. */
export const PAGES = { light: ['#ffffff', '#f6f7f9'], dark: ['#0f1115'] } as const;

export type Rgb = [number, number, number, number];

/** A computed colour (`rgb()`/`rgba()`, what Chromium's getComputedStyle gives) as numbers. */
export function parseColor(text: string): Rgb {
  const match = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(text.trim());
  if (match) return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
  const hex = /^#([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(text.trim());
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16), 1];
  throw new Error(`cannot read the colour ${text}`);
}

/** `top` painted over an opaque `under`. */
export const over = (top: Rgb, under: Rgb): Rgb => {
  const a = top[3];
  return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
};

const luminance = ([r, g, b]: Rgb) => {
  const channel = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};

/** WCAG 2 contrast ratio. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Emulates media features in the page (through the DevTools protocol), the others as the defaults. */
export const emulate = (features: Record<string, string> = {}) =>
  executeServerCommand('cdp-emulate-media', { 'prefers-color-scheme': 'light', 'forced-colors': 'none', 'prefers-reduced-motion': 'no-preference', ...features });

/** A test page of one colour scheme: background and text colours as a site would set them. */
export function usePage(scheme: 'light' | 'dark', background: string = PAGES[scheme][0]): HTMLElement {
  document.documentElement.style.colorScheme = scheme;
  document.body.style.cssText = `margin: 0; background: ${background}; color: ${scheme == 'light' ? '#15171a' : '#e8eaed'}`;
  const host = document.createElement('main');
  host.style.cssText = 'display: flex; flex-wrap: wrap; gap: 16px; padding: 16px';
  document.body.append(host);
  return host;
}

export function resetPage(): void {
  document.body.replaceChildren();
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
  document.documentElement.lang = 'en';
}

/** Adds an element with `attributes` to `host` and waits for it to render. */
export async function place<T extends LoginButton = LoginButton>(host: HTMLElement, tag: string, attributes: Record<string, string> = {}): Promise<T> {
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries({ 'client-id': 'c', 'redirect-uri': '/cb', ...attributes })) el.setAttribute(name, value);
  host.append(el);
  await el.updateComplete;
  return el;
}

export const innerButton = (el: Element) => el.shadowRoot!.querySelector('button')!;
export const statusOf = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part="status"]')!;

let axeLoaded: Promise<void> | undefined;
/** axe-core, from node_modules, as a classic script (it is a UMD file). */
function loadAxe(): Promise<void> {
  return (axeLoaded ||= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  }));
}

const WCAG: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] };

/** axe-core's WCAG violations inside `context`, as readable lines (empty when there are none). */
export async function axeViolations(context: Element): Promise<string[]> {
  await loadAxe();
  const axe = (window as unknown as { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } }).axe;
  const results = await axe.run(context, WCAG);
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}
