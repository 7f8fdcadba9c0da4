import { isNavigable } from '../contract/urls.js';
import { authorizeEndpoint } from './settings.js';
import type { LoginConfig } from './types.js';

/** Authorize-query parameters the flow owns: `params` may not replace them (contract §2). */
const RESERVED = /^(client_id|redirect_uri|response_type|state|nonce|scope|code_challenge(_method)?)$/;

/**
 * The URL resolved against the document, if it may be navigated to or fetched: `https:`, or `http:` on
 * loopback. `javascript:`, `data:`, `blob:` and the rest never are (they run script or have no origin).
 */
export function safeUrl(url: string): URL | undefined {
  try {
    const resolved = new URL(url, document.baseURI);
    if (isNavigable(resolved)) return resolved;
  } catch {
    /* not a URL at all */
  }
}


/**
 * What is wrong with a flow's configuration, naming the attribute, or undefined. Runs before anything
 * opens or navigates: a refused flow fails with `invalid_config` and touches nothing. With an
 * `endpoint` whose list is not in yet, what the list may fill in is not required (yet).
 */
export function configProblem(config: LoginConfig): string | undefined {
  const { clientId, redirectUri, mode, timeout } = config;
  const endpoint = authorizeEndpoint(config);
  if (!config.endpoint) {
    if (!clientId) return 'client-id is required';
    if (!redirectUri) return 'redirect-uri is required';
    if (!endpoint) return 'authorize-endpoint is required';
  }
  const urls: Record<string, string | undefined> = { endpoint: config.endpoint, 'redirect-uri': redirectUri, 'authorize-endpoint': endpoint, 'exchange-endpoint': config.exchangeEndpoint };
  for (const [name, value] of Object.entries(config.extras || {})) if (name.endsWith('-url')) urls[name] = value;
  for (const [name, value] of Object.entries(urls)) if (value && !safeUrl(value)) return `${name} must be https: (or http: on localhost): ${value}`;
  if (!/^(popup|redirect|auto)?$/.test(mode || '')) return `invalid mode: ${mode}`;
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) return `invalid timeout: ${timeout}`;
  for (const key of Object.keys(config.params || {})) if (RESERVED.test(key)) return `params may not set ${key}`;
}
