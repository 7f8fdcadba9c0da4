import type { LoginHandler } from '../../src/server/index.js';

export const APP = 'https://app.example';
export const REDIRECT_URI = `${APP}/callback.html`;

/** POSTs an exchange body to the handler as a same-origin browser page would. */
export async function post(handler: LoginHandler, provider: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await handler(
    new Request(`${APP}/auth/${provider}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
