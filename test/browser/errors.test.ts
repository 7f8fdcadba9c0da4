// Every promise the package returns rejects with an Error (LoginError) that carries the code, in Chromium.
import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import { LoginError, login } from '../../src/index.js';
import type { OauthLogin } from '../../src/elements/oauth-login.js';
import { CALLBACK, fixture, until } from './helpers.js';
import { control, fresh, sessionTests, session, signIn } from './session-support.js';

sessionTests();

/** What a promise rejected with (fails when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.fail(`resolved with ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

describe('LoginError', () => {
  it('login() on a misconfigured element rejects with a LoginError invalid_config carrying the event detail', async () => {
    const el = await fixture<OauthLogin>('oauth-login', { 'client-id': 'c', 'redirect-uri': CALLBACK, mode: 'popup' });
    const error = await rejection(el.login());
    expect(error).to.be.instanceOf(LoginError);
    expect(error).to.be.instanceOf(Error);
    expect(error).to.include({ provider: 'oauth', mode: 'popup', error: 'invalid_config', message: 'authorize-endpoint is required' });
    expect((error as Error).stack).to.be.a('string');
  });

  it('login() without an element: a redirect-uri that is not https rejects with a LoginError invalid_config', async () => {
    const error = await rejection(login({ provider: 'bbaton', clientId: 'c', redirectUri: 'http://example.com/cb', mode: 'popup' }, document.body));
    expect(error).to.be.instanceOf(LoginError);
    expect(error).to.include({ provider: 'bbaton', error: 'invalid_config' });
    expect((error as LoginError).message).to.contain('redirect-uri must be https:');
  });

  it('a cancelled login() rejects with a LoginError that carries the reason and no code', async () => {
    const el = await fixture<OauthLogin>('oauth-login', { 'client-id': 'c', 'redirect-uri': CALLBACK, 'authorize-endpoint': '/fixtures/authorize', mode: 'popup' });
    el.addEventListener('login-start', (event) => event.preventDefault(), { once: true });
    const error = await rejection(el.login());
    expect(error).to.be.instanceOf(LoginError);
    expect(error).to.include({ provider: 'oauth', reason: 'aborted', message: 'aborted' });
    expect((error as LoginError).error).to.equal(undefined);
  });

  it('<login-session>.logout() against a failing endpoint rejects with a LoginError exchange_failed: status 503, cause session_store_unavailable', async () => {
    const ns = fresh();
    await signIn(ns);
    const el = session(ns);
    await until(() => el.state == 'signed-in', 5000, 'signed in');
    await control(ns, { down: true });
    const error = await rejection(el.logout());
    expect(error).to.be.instanceOf(LoginError);
    expect(error).to.include({ error: 'exchange_failed', status: 503, cause: 'session_store_unavailable', description: 'The session store cannot be reached' });
    expect((error as LoginError).message).to.match(/\/logout answered 503$/);
    expect(el.state).to.equal('signed-in');
    const refreshed = await rejection(el.refresh());
    expect(refreshed).to.be.instanceOf(LoginError);
    expect(refreshed).to.include({ error: 'exchange_failed', status: 503, cause: 'session_store_unavailable' });
    await control(ns, { down: false });
  });
});
