/**
 * URL-valued options, checked when the handler is created (contract §7 "Mistakes are named when they are
 * made"): a wrong one is a `TypeError` naming the option, the value and, where it can be guessed, the
 * fix — never an "Invalid URL" from deep inside, nor a refusal after a whole login at the provider.
 */
import { isLoopbackHost } from '../../contract/urls.js';
import type { ProviderConfig } from './login.js';

/** `localhost:3000` → `localhost`: the host of a value written without a scheme, as a URL would read it. */
const hostOf = (value: string) => value.split('/')[0]!.replace(/:\d+$/, '').toLowerCase();

/** What the value most likely meant: a scheme in front (http for a local host), or the URL's origin. */
function guess(value: string, want: 'origin' | 'url'): string | undefined {
  // A path, a wildcard or a blank has no likely meaning to offer.
  if (!value || /[*\s]/.test(value) || value.startsWith('/')) return;
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(value)) {
    const fixed = `${isLoopbackHost(hostOf(value)) ? 'http' : 'https'}://${value}`;
    return want == 'origin' ? (guess(fixed, 'origin') ?? fixed) : fixed;
  }
  try {
    const url = new URL(value);
    return want == 'origin' && /^https?:$/.test(url.protocol) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function refuse(option: string, value: unknown, what: string, fix: string | undefined): never {
  const shown = typeof value == 'string' ? JSON.stringify(value) : String(value);
  throw new TypeError(`login-elements: ${option} must be ${what}, got ${shown}${fix ? `: write ${JSON.stringify(fix)}` : ''}`);
}

/** `https://app.example` as it is (a trailing `/` or a default port is dropped); anything else throws. */
export function bareOrigin(option: string, value: unknown): string {
  const what = 'a bare origin, scheme://host[:port] (e.g. "https://app.example")';
  if (typeof value != 'string') refuse(option, value, what, undefined);
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    /* below */
  }
  const bare = url && /^https?:$/.test(url.protocol) && !url.username && !url.password && url.pathname == '/' && !url.search && !url.hash && !/[?#]/.test(value);
  if (!bare || !/^https?:\/\/[^/]+\/?$/i.test(value)) refuse(option, value, what, guess(value, 'origin'));
  return url!.origin;
}

/** An absolute http(s) URL (no fragment where `fragment` is false); anything else throws. */
export function absoluteUrl(option: string, value: unknown, fragment = true): string {
  const what = `an absolute http(s) URL${fragment ? '' : ' without a #fragment'}`;
  if (typeof value != 'string') refuse(option, value, what, undefined);
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    /* below */
  }
  if (!url || !/^https?:$/.test(url.protocol) || !/^https?:\/\//i.test(value)) refuse(option, value, what, guess(value, 'url'));
  if (!fragment && value.includes('#')) refuse(option, value, what, value.slice(0, value.indexOf('#')));
  return value;
}

/** The URL-valued fields of a provider entry. */
const PROVIDER_URLS = ['issuer', 'authorizeEndpoint', 'tokenEndpoint', 'userinfoEndpoint', 'revocationEndpoint', 'endSessionEndpoint', 'baseUrl', 'redirectUri'] as const;

/** Authorize parameters the flow owns: `params` may not set them (the browser refuses them too). */
const RESERVED_PARAMS = ['client_id', 'redirect_uri', 'response_type', 'state', 'code_challenge', 'code_challenge_method', 'scope', 'nonce'];

/** Checks a provider entry's URLs and public settings, naming `providers.{name}.{field}`. */
export function checkProviderEntry(name: string, config: ProviderConfig): void {
  for (const field of PROVIDER_URLS) if (config[field] !== undefined) absoluteUrl(`providers.${name}.${field}`, config[field], field != 'redirectUri');
  if (config.pkce !== undefined && config.pkce !== 's256' && config.pkce !== 'off') refuse(`providers.${name}.pkce`, config.pkce, "'s256' or 'off'", undefined);
  if (config.authorizeMethod !== undefined && config.authorizeMethod !== 'get' && config.authorizeMethod !== 'post')
    refuse(`providers.${name}.authorizeMethod`, config.authorizeMethod, "'get' or 'post'", undefined);
  for (const [key, value] of Object.entries(config.params ?? {})) {
    if (RESERVED_PARAMS.includes(key)) refuse(`providers.${name}.params`, key, `free of the parameters the flow sets (${RESERVED_PARAMS.join(', ')})`, undefined);
    if (typeof value != 'string') refuse(`providers.${name}.params.${key}`, value, 'a string', undefined);
  }
}
