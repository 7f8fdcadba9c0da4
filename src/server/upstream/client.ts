import type * as oauth from 'oauth4webapi';
import type { ExchangeRequest, ProviderType } from '../../contract/wire.js';
import type { AuthorizeSettings } from './dialect.js';
import type { LoginTokens, LoginUser } from '../shared/login.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_UPSTREAM_BYTES = 256 * 1024;

/**
 * What the server knows of a provider, without how it is done (the root's `provider-client.ts`):
 * the parts that route, keep sessions or list providers need only this.
 */

/** How long (body included) and how large a provider's answer may be. */
export interface UpstreamLimits {
  /** Per upstream call, body included; then 504. Default 10000. */
  timeoutMs?: number;
  /** Larger answers are a 502, never buffered whole. Default 256 KiB. */
  maxUpstreamBytes?: number;
}

/** The exchange's input: the wire's `ExchangeRequest` (contract §4), one type on both sides. */
export type { ExchangeRequest as ExchangeInput };

/** A provider's server-side operations, with its secrets bound in and its dialect's quirks applied. */
export interface ProviderClient {
  readonly name: string;
  readonly clientId: string;
  /** The dialect: the config's `type`, else the entry's key. */
  readonly type: ProviderType;
  /** What a page needs for the authorize request (contract §7), discovery filled in; never a secret. */
  authorizeSettings(): Promise<AuthorizeSettings>;
  /** `private_key_jwt`: the public key `{basePath}/jwks.json` serves. */
  publicKey?(): Promise<import('jose').JWK>;
  /** The provider's endpoints: as configured, or from its discovery document (fetched, then cached). */
  metadata(): Promise<oauth.AuthorizationServer>;
  exchange(input: ExchangeRequest): Promise<{ user: LoginUser | null; tokens: LoginTokens }>;
  /** Present when the provider issues refresh tokens (BitBadges rotates them: keep the new one). */
  refresh?(refreshToken: string): Promise<LoginTokens>;
  /** Present when the provider has a revocation endpoint. */
  revoke?(token: string): Promise<void>;
}

