import type { ProviderList as List } from '../contract/wire.js';
import type { LoginConfig } from './types.js';

import { callEndpoint } from './exchange.js';

// The `endpoint` attribute (contract §7), loaded on demand (endpoint.ts): asking for the provider list and
// filling a flow's configuration from it. No click waits for it: the list is asked for when the element
// connects, and a click before it is in opens its window blank (flow.ts).

/** The provider lists this page asked for, by URL: one request, however many elements name it. */
const asked = new Map<string, Promise<List>>();
/** The lists that arrived: a click reads its settings here without waiting. */
const arrived = new Map<string, List>();

/** What the list fills in where the element sets nothing. */
const SERVED = ['clientId', 'redirectUri', 'authorizeEndpoint', 'issuer', 'scope', 'pkce'] as const;
/** Contradictions already reported on this page: one warning each. */
const warned = new Set<string>();

/**
 * The flow's configuration with its provider's served settings filled in: what the element sets
 * wins, and a set `client-id` or `issuer` that contradicts the served one is warned about (once per
 * page, naming both). The exchange goes to `{endpoint}/{key}`. Throws a login-error's fields when the
 * list does not have the provider (`invalid_config`) or lists it with an error (`config_unavailable`).
 */
function applyServed(config: LoginConfig, { providers }: List): LoginConfig {
  const key = config.provider;
  const base = config.endpoint!.replace(/\/*$/, '');
  const entry = providers.find((p) => p.key == key);
  if (!entry) throw { error: 'invalid_config', message: `no provider "${key}" in ${base}/providers` };
  if (entry.error) throw { message: `provider "${key}": ${entry.error_description || entry.error}` };
  // A dialect attribute (UPBOND's audience) wins over the served parameter of the same name.
  const params = { ...entry.params, ...config.params };
  for (const [name, value] of Object.entries(config.extras || {})) if (value) delete params[name];
  const extras = { ...config.extras };
  extras['authorize-method'] ||= entry.authorizeMethod;
  const full: Record<string, unknown> = { ...config, endpoint: undefined, exchangeEndpoint: config.exchangeEndpoint || `${base}/${key}`, params, extras };
  for (const name of SERVED) {
    const own = config[name];
    const served = entry[name];
    const said = key + name + own;
    if ((name == 'clientId' || name == 'issuer') && own && served && own != served && !warned.has(said)) {
      warned.add(said);
      console.warn(`login-elements: ${name} "${own}" set on the "${key}" element contradicts "${served}" from ${base}/providers`);
    }
    full[name] = own || served;
  }
  return full as unknown as LoginConfig;
}

/**
 * The provider list at `{endpoint}/providers`: at once when it is in, else a promise of it (the first
 * call for a URL asks for it, one request per page however many elements and choosers name it; a list
 * that could not be had is asked for again by the next call). Rejects with a login-error's fields.
 */
export function servedList(endpoint: string): List | Promise<List> {
  const url = new URL(endpoint.replace(/\/*$/, '/providers'), document.baseURI).href;
  const list = arrived.get(url);
  if (list) return list;
  let asking = asked.get(url);
  if (!asking) {
    asked.set(url, (asking = callEndpoint(url).then((got) => arrived.set(url, got as List).get(url)!)));
    asking.catch(() => asked.delete(url));
  }
  return asking;
}

/**
 * The flow's configuration with its provider's settings from `{endpoint}/providers`: at once when the
 * list is in, else a promise of it. Throws or rejects with a login-error's fields. Call it only with a
 * safe `endpoint` (configProblem checks it).
 */
export function withServed(config: LoginConfig): LoginConfig | Promise<LoginConfig> {
  const list = servedList(config.endpoint!);
  return list instanceof Promise ? list.then((got) => applyServed(config, got)) : applyServed(config, list);
}
