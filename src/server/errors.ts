import * as oauth from 'oauth4webapi';

/**
 * A failure with the status and OAuth-style body the endpoint answers (SPEC §4). The description is
 * always ours: nothing the provider sent, and never a secret or token, ends up in it.
 */
export class EndpointError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${error}: ${description}`);
  }

  toResponse(): Response {
    return json({ error: this.error, error_description: this.description }, this.status, this.headers);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** The provider took longer than `timeoutMs`. */
export class ProviderTimeout extends EndpointError {
  constructor(ms: number) {
    super(504, 'provider_timeout', `The provider did not answer within ${ms} ms`);
  }
}

export const invalidProviderResponse = (what: string) => new EndpointError(502, 'invalid_provider_response', what);

const OAUTH_ERROR = /^[\x20-\x21\x23-\x5b\x5d-\x7e]{1,64}$/;

/**
 * Maps whatever an upstream step threw to the endpoint's answer: the provider's own OAuth error code
 * (400), a timeout (504), or an unusable answer (502).
 */
export function fromUpstream(error: unknown, ms: number): EndpointError {
  if (error instanceof EndpointError) return error;
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return new ProviderTimeout(ms);
  if (error instanceof oauth.ResponseBodyError) {
    // RFC 6749 §5.2 error codes are short printable ASCII; anything else is not a real OAuth error.
    if (!OAUTH_ERROR.test(error.error)) return invalidProviderResponse('The provider answered with a malformed error');
    return new EndpointError(400, error.error, `The provider refused the request (${error.error})`);
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    return new EndpointError(400, 'invalid_client', 'The provider refused the client credentials');
  }
  if (error instanceof oauth.OperationProcessingError) {
    if (error.code === oauth.JWT_CLAIM_COMPARISON || error.code === oauth.JWT_TIMESTAMP_CHECK)
      return invalidProviderResponse(`The provider's ID token failed validation: ${error.message}`);
    return invalidProviderResponse('The provider answered with something that is not a valid OAuth response');
  }
  if (error instanceof oauth.UnsupportedOperationError) return invalidProviderResponse('The provider answered with an unsupported token type');
  return invalidProviderResponse('The provider could not be reached');
}
