import * as oauth from 'oauth4webapi';
import { isOAuthTokenError, type ServerErrorCode, type StatusOf } from '../../contract/errors.js';

/**
 * A failure with the status and OAuth-style body the endpoint answers (contract §4). The description is
 * always ours: nothing the provider sent, and never a secret or token, ends up in it.
 */
export class EndpointError<C extends ServerErrorCode = ServerErrorCode> extends Error {
  constructor(
    /** The HTTP status; the type holds it to the one the code goes with (src/contract/errors.ts). */
    readonly status: StatusOf<C>,
    readonly error: C,
    readonly description: string,
    readonly headers: Record<string, string> = {},
    /** For the log line only: what was refused, by name (an origin, a redirect URI, a provider key). */
    readonly detail?: string,
  ) {
    super(`${status} ${error}: ${description}`);
  }

  /** The error code, as `error` (what a rejected `getSession`/`accessToken` is checked by). */
  get code(): C {
    return this.error;
  }

  /**
   * The JSON answer: `{error, error_description}` with this status and headers.
   * @internal
   */
  toOutcome() {
    return jsonOutcome({ error: this.error, error_description: this.description }, this.status, this.headers);
  }

  /** @internal */
  toResponse(): Response {
    const { json, status, headers } = this.toOutcome();
    return new Response(json, { status, headers });
  }
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** A JSON answer, ready for either transport. */
export function jsonOutcome(body: unknown, status = 200, headers?: Record<string, string>) {
  return { status, json: JSON.stringify(body), headers: headers ? { ...JSON_HEADERS, ...headers } : JSON_HEADERS };
}

/** The provider took longer than `timeoutMs`. */
export class ProviderTimeout extends EndpointError {
  constructor(ms: number) {
    super(504, 'provider_timeout', `The provider did not answer within ${ms} ms`);
  }
}

export const invalidProviderResponse = (what: string) => new EndpointError(502, 'invalid_provider_response', what);

/** The error itself, or one it was caused by (oauth4webapi wraps what a fetch or body read threw). */
function inCauses<T>(error: unknown, pick: (e: unknown) => e is T): T | undefined {
  for (let e = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) if (pick(e)) return e;
}
const isTimeout = (e: unknown): e is DOMException => e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError');
const isEndpointError = (e: unknown): e is EndpointError => e instanceof EndpointError;

/**
 * Maps whatever an upstream step threw to the endpoint's answer: the provider's registered OAuth error
 * code (400), a timeout while waiting for the answer or reading its body (504), or an unusable answer
 * (502). Nothing the provider wrote is copied, but for a registered code.
 */
export function fromUpstream(error: unknown, ms: number): EndpointError {
  const ours = inCauses(error, isEndpointError);
  if (ours) return ours;
  if (inCauses(error, isTimeout)) return new ProviderTimeout(ms);
  if (error instanceof oauth.ResponseBodyError) {
    // Only a code RFC 6749 §5.2 registers is passed on: anything else a provider sends (free text, a
    // secret it echoed) is not an OAuth error and becomes a 502.
    if (!isOAuthTokenError(error.error)) return invalidProviderResponse('The provider answered with an error that is not a registered OAuth error code');
    return new EndpointError(400, error.error, `The provider refused the request (${error.error})`);
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    return new EndpointError(400, 'invalid_client', 'The provider refused the client credentials');
  }
  if (error instanceof oauth.OperationProcessingError) {
    if (error.code === oauth.JWT_CLAIM_COMPARISON || error.code === oauth.JWT_TIMESTAMP_CHECK)
      return invalidProviderResponse("The provider's ID token failed validation");
    return invalidProviderResponse('The provider answered with something that is not a valid OAuth response');
  }
  if (error instanceof oauth.UnsupportedOperationError) return invalidProviderResponse('The provider answered with an unsupported token type');
  return invalidProviderResponse('The provider could not be reached');
}
