/**
 * Compile-time checks of the error catalogues (run by `npm run typecheck`): a misspelt code, or a
 * status that does not go with its code, must not type-check.
 */
import { LoginError, type LoginErrorCode, type LoginErrorDetail } from '../../src/index.js';
import { EndpointError, type ServerErrorCode } from '../../src/server/index.js';

export function codes(error: unknown, detail: LoginErrorDetail): void {
  const popup: LoginErrorCode = 'popup_blocked';
  const provider: LoginErrorCode = 'access_denied';
  const fromH4: LoginErrorCode = 'config_unavailable';
  // @ts-expect-error misspelt browser code
  const misspelt: LoginErrorCode = 'popup_blokced';
  // @ts-expect-error a login-error's code is one of the catalogue
  if (detail.error === 'exchange_faild') console.log(detail);
  if (error instanceof LoginError && error.error === 'exchange_failed') console.log(error.status, error.cause, error.description);
  // @ts-expect-error misspelt code on a LoginError
  if (error instanceof LoginError && error.error === 'timed_out') console.log(error);

  const origin = new EndpointError(403, 'forbidden_origin', 'This origin may not use the endpoint');
  const code: ServerErrorCode = origin.code;
  // @ts-expect-error misspelt server code
  new EndpointError(403, 'forbiden_origin', '');
  // @ts-expect-error a status that does not go with the code
  new EndpointError(400, 'forbidden_origin', '');
  // @ts-expect-error the wire code of a session that ended is not a 403
  new EndpointError(403, 'session_ended', '');
  console.log(popup, provider, fromH4, misspelt, code);
}
