import type { LoginConfig, ServedProvider } from './types.js';

export { callEndpoint } from './exchange.js';

// The on-demand half of the `endpoint` attribute (SPEC §7): filling a flow's configuration from the
// provider list. No click waits for it: the list is asked for when the element connects (endpoint.ts).

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
export function applyServed(config: LoginConfig, { providers }: { providers: ServedProvider[] }): LoginConfig {
  const key = config.provider;
  const base = config.endpoint!.replace(/\/*$/, '');
  const entry = providers.find((p) => p.key == key);
  if (!entry) throw { error: 'invalid_config', message: `no provider "${key}" in ${base}/providers` };
  if (entry.error) throw { message: `provider "${key}": ${entry.error}` };
  // A dialect attribute (UPBOND's audience) wins over the served parameter of the same name.
  const params = { ...entry.params, ...config.params };
  for (const [name, value] of Object.entries(config.extras || {})) if (value) delete params[name];
  const full: Record<string, unknown> = { ...config, endpoint: undefined, exchangeEndpoint: config.exchangeEndpoint || `${base}/${key}`, params };
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
