import { bbaton, belladati, bitbadges, github, google, kakao, line, microsoft, naver, oauth, upbond } from './providers/index.js';
import { withServed } from './core/endpoint.js';
import { startLogin } from './core/flow.js';
import type { LoginConfig, LoginSuccessDetail, ProviderProfile } from './core/types.js';

const builtIn: Record<string, ProviderProfile> = { bbaton, belladati, bitbadges, upbond, google, github, microsoft, kakao, naver, line, oauth };

export type LoginOptions = Omit<LoginConfig, 'profile'> & { profile?: ProviderProfile };

/**
 * Programmatic login without an element: call it from a click handler (the popup opens synchronously).
 * `provider` picks a built-in profile (any other name is a generic OAuth provider); with `endpoint`
 * the rest comes from `{endpoint}/providers`, as for an element. Events fire on
 * `target` (default: document); the promise rejects with the error or cancel detail.
 */
export function login(options: LoginOptions, target: EventTarget = document): Promise<LoginSuccessDetail> {
  // Own keys only: `constructor` or `toString` must not pick a profile off Object.prototype (and drop PKCE).
  const profile = options.profile || (Object.hasOwn(builtIn, options.provider) ? builtIn[options.provider] : undefined) || oauth;
  const config = { ...options, profile };
  // With `endpoint`, the settings come from `{endpoint}/providers` as for an element (contract §7).
  return startLogin(config, target, config.endpoint ? () => withServed(config) : undefined).promise;
}
