// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  isExpired,
  saveTransaction,
  storeResult,
  takeCompletedTransaction,
  TRANSACTION_TTL_MS,
  type RedirectTransaction,
} from '../../src/core/transaction.js';
import { resumeRedirect } from '../../src/core/flow.js';
import { bbaton } from '../../src/providers/index.js';

const tx = (state: string, extra: Partial<RedirectTransaction> = {}): RedirectTransaction => ({
  state,
  provider: 'bbaton',
  redirectUri: 'https://app.example/cb',
  returnUrl: 'https://app.example/',
  createdAt: Date.now(),
  ...extra,
});

/** What this tab holds for a state (parsed), or undefined. */
const findTransaction = (state: string): RedirectTransaction | undefined => {
  const value = sessionStorage.getItem('login-elements:tx:' + state);
  return value === null ? undefined : (JSON.parse(value) as RedirectTransaction);
};

describe('redirect transactions', () => {
  beforeEach(() => sessionStorage.clear());

  it('expire after 10 minutes (and when created in the future)', () => {
    const now = Date.now();
    expect(isExpired(tx('a', { createdAt: now - TRANSACTION_TTL_MS + 1000 }), now)).toBe(false);
    expect(isExpired(tx('a', { createdAt: now - TRANSACTION_TTL_MS }), now)).toBe(true);
    expect(isExpired(tx('a', { createdAt: now + 60_000 }), now)).toBe(true);
  });

  it('saving a transaction removes stale and unreadable entries and keeps fresh ones and foreign keys', () => {
    sessionStorage.setItem('login-elements:tx:stale', JSON.stringify(tx('stale', { createdAt: Date.now() - TRANSACTION_TTL_MS - 1 })));
    sessionStorage.setItem('login-elements:tx:broken', '{not json');
    sessionStorage.setItem('app-key', 'kept');
    saveTransaction(tx('fresh'));
    expect(findTransaction('fresh')).toBeDefined();
    expect(findTransaction('stale')).toBeUndefined();
    expect(sessionStorage.getItem('login-elements:tx:broken')).toBeNull();
    expect(sessionStorage.getItem('app-key')).toBe('kept');
  });

  it('a completed transaction is taken once; an abandoned one of the same provider is removed', () => {
    saveTransaction(tx('abandoned'));
    saveTransaction(tx('done', { result: { type: 'login-elements:callback', state: 'done', code: 'c' } }));
    saveTransaction(tx('other', { provider: 'upbond' }));
    expect(takeCompletedTransaction('bbaton')?.state).toBe('done');
    expect(findTransaction('abandoned')).toBeUndefined();
    expect(findTransaction('done')).toBeUndefined();
    expect(findTransaction('other')).toBeDefined();
    expect(takeCompletedTransaction('bbaton')).toBeUndefined();
  });

  it("the callback's storeResult fills its state's transaction, expired or not, and touches nothing else", () => {
    const old = Date.now() - TRANSACTION_TTL_MS - 5;
    saveTransaction(tx('mine', { createdAt: old }));
    sessionStorage.setItem('login-elements:tx:broken', '{"state":"broken"}');
    const result = { type: 'login-elements:callback' as const, state: 'mine', code: 'c' };
    expect(storeResult(result)).toMatchObject({ state: 'mine', returnUrl: 'https://app.example/' });
    expect(findTransaction('mine')).toEqual({ ...tx('mine', { createdAt: old }), result });
    expect(storeResult({ ...result, state: 'broken' })).toBeUndefined();
    expect(sessionStorage.getItem('login-elements:tx:broken')).toBe('{"state":"broken"}');
    expect(storeResult({ ...result, state: 'none' })).toBeUndefined();
    expect(sessionStorage.length).toBe(2);
  });

  it('resumeRedirect completes a fresh result, fails a stale one with timeout, and cleans up both', async () => {
    const config = { provider: 'bbaton', profile: bbaton, clientId: 'id', redirectUri: 'https://app.example/cb' };
    saveTransaction(tx('s1', { codeVerifier: 'v', result: { type: 'login-elements:callback', state: 's1', code: 'c1' } }));
    await expect(resumeRedirect(config, new EventTarget())!.promise).resolves.toMatchObject({ mode: 'redirect', code: 'c1', codeVerifier: 'v' });
    expect(resumeRedirect(config, new EventTarget())).toBeUndefined();

    const old = Date.now() - TRANSACTION_TTL_MS - 5;
    saveTransaction(tx('s2', { createdAt: old, result: { type: 'login-elements:callback', state: 's2', code: 'c2' } }));
    await expect(resumeRedirect(config, new EventTarget())!.promise).rejects.toMatchObject({ error: 'timeout', mode: 'redirect' });
    expect(sessionStorage.length).toBe(0);
  });

  it('resumeRedirect reports a result whose state is not the transaction state as state_mismatch', async () => {
    saveTransaction(tx('mine', { result: { type: 'login-elements:callback', state: 'forged', code: 'c' } }));
    const config = { provider: 'bbaton', profile: bbaton, clientId: 'id', redirectUri: 'https://app.example/cb' };
    await expect(resumeRedirect(config, new EventTarget())!.promise).rejects.toMatchObject({ error: 'state_mismatch' });
  });
});
