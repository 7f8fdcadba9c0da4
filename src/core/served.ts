import { callEndpoint } from './exchange.js';
import type { LoginConfig, ServedProvider } from './types.js';

// The on-demand half of the `endpoint` attribute (SPEC §7): reading the provider list and filling a
// flow's configuration from it. No click waits for it: the list is asked for when the element connects.

/** Contradictions already reported on this page: one warning each. */
const warned = new Set<string>();

/** `GET {endpoint}/providers`: the served list, or a rejection saying why it cannot be had. */
export async function loadList(url: string): Promise<ServedProvider[]> {
  const { providers } = (await callEndpoint(url)) as { providers?: ServedProvider[] };
  if (!Array.isArray(providers)) throw { message: `${url} answered without a providers list` };
  return providers;
}

/**
 * The flow's configuration with its provider's served settings filled in: what the element sets
 * wins, and a set `client-id` or `issuer` that contradicts the served one is warned about (once per
 * page, naming both). The exchange goes to `{endpoint}/{key}`. Throws a login-error's fields when the
 * list does not have the provider (`invalid_config`) or lists it with an error (`config_unavailable`).
 */
export function applyServed(config: LoginConfig, list: ServedProvider[]): LoginConfig {
  const key = config.provider;
  const base = config.endpoint!.replace(/\/*$/, '');
  const entry = list.find((p) => p.key === key);
  if (!entry) throw { error: 'invalid_config', message: `provider "${key}" is not in ${base}/providers` };
  if (entry.error) throw { error: 'config_unavailable', message: `provider "${key}": ${entry.error}` };
  for (const [name, attribute] of [['clientId', 'client-id'], ['issuer', 'issuer']] as const) {
    const own = config[name];
    const served = entry[name];
    const said = `${key} ${name} ${own}`;
    if (own && served && own !== served && !warned.has(said)) {
      warned.add(said);
      console.warn(`login-elements: ${attribute}="${own}" on the "${key}" element contradicts ${name} "${served}" served by ${base}/providers; the attribute wins`);
    }
  }
  // A dialect attribute (UPBOND's audience) wins over the served parameter of the same name.
  const params = { ...entry.params, ...config.params };
  for (const [name, value] of Object.entries(config.extras || {})) if (value) delete params[name];
  return {
    ...config,
    endpoint: undefined,
    clientId: config.clientId || entry.clientId,
    redirectUri: config.redirectUri || entry.redirectUri,
    authorizeEndpoint: config.authorizeEndpoint || entry.authorizeEndpoint,
    issuer: config.issuer || entry.issuer,
    scope: config.scope ?? entry.scope,
    pkce: config.pkce || entry.pkce,
    exchangeEndpoint: config.exchangeEndpoint || `${base}/${encodeURIComponent(key)}`,
    params,
  };
}
