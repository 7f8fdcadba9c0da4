import { safeUrl } from './config-check.js';
import { servedParts } from './served-on-demand.js';
import type { LoginConfig, ServedProvider } from './types.js';
import { warmCallback } from './warm.js';

type Served = [parts: Awaited<ReturnType<typeof servedParts>>, list: { providers: ServedProvider[] }];

/** The provider lists this page asked for, by URL: one request, however many elements name it. */
const asked = new Map<string, Promise<Served>>();
/** The lists that arrived: a click reads its settings here without waiting. */
const arrived = new Map<string, Served>();

/**
 * The flow's configuration with its provider's settings from `{endpoint}/providers` (SPEC §7): at once
 * when the list is in, else a promise of it (the first call for an endpoint asks for it; a list that
 * could not be had is asked for again by the next call). Throws or rejects with a login-error's fields.
 * Call it only with a safe `endpoint` (configProblem checks it).
 */
export function withServed(config: LoginConfig): LoginConfig | Promise<LoginConfig> {
  const url = safeUrl(config.endpoint!.replace(/\/*$/, '/providers'))!.href;
  const served = arrived.get(url);
  if (served) return served[0].applyServed(config, served[1]);
  let list = asked.get(url);
  if (!list) {
    asked.set(url, (list = servedParts().then(async (parts) => arrived.set(url, [parts, (await parts.callEndpoint(url)) as Served[1]]).get(url)!)));
    list.catch(() => asked.delete(url));
  }
  return list.then(([parts, providers]) => parts.applyServed(config, providers));
}

/**
 * What an element with an `endpoint` does when it connects: asks for the list (one request per page),
 * and once it is in, warms the callback page it names (warm.ts) — and so warns about a contradicting
 * attribute, or a callback page that answers 404, before anyone clicks.
 */
export function readyServed(config: LoginConfig): void {
  if (safeUrl(config.endpoint!))
    Promise.resolve(config)
      .then(withServed)
      .then((full) => warmCallback(full.redirectUri), () => {});
}
