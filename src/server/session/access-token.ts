import { EndpointError } from '../shared/errors.js';
import type { ProviderClient } from '../upstream/client.js';
import { randomId } from './hash.js';
import { keepTokens, type KeptTokens, type SessionData } from './record.js';
import { sessionEnded, type Sessions } from './sessions.js';

/**
 * A token this close to its expiry is refreshed first: it would expire on its way to the API. At most
 * half its lifetime, so a token living less than 20 s is not refreshed on every call (contract §6).
 */
const EXPIRY_MARGIN_MS = 10_000;
const POLL_MS = 50;
/** Refreshed tokens waiting for the store, at most (the oldest give way). */
const MAX_UNSAVED = 10_000;

const margin = (tokens: KeptTokens) => Math.min(EXPIRY_MARGIN_MS, tokens.lifetime === undefined ? Infinity : tokens.lifetime / 2);
const fresh = (tokens: KeptTokens) => tokens.expires_at === undefined || Date.now() < tokens.expires_at - margin(tokens);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What every step of a refresh shares: the sessions, the provider clients, the tokens not yet stored. */
interface Refresher {
  sessions: Sessions;
  clients: ReadonlyMap<string, ProviderClient>;
  timeoutMs: number;
  /**
   * Refreshed tokens the store did not take (it failed right after the provider answered): the
   * provider has spent the old refresh token, so the next call writes these instead of refreshing
   * again with a spent one (which would end the session).
   */
  unsaved: Map<string, KeptTokens>;
}

/**
 * `accessToken()` of a kept-token session (contract §6): the access token, refreshed at the provider when
 * it has expired — once per session however many callers: callers in this process share one refresh,
 * and instances sharing the store take turns through a lock in it (`setIfAbsent`), the others waiting
 * for the record to change. A rotated refresh token is stored back before anyone gets the new access
 * token. When the provider refuses the refresh (or there is no refresh token) the session ends.
 */
export function createTokenAccess(sessions: Sessions, clients: ReadonlyMap<string, ProviderClient>, timeoutMs: number) {
  const running = new Map<string, Promise<string>>();
  const refresher: Refresher = { sessions, clients, timeoutMs, unsaved: new Map() };

  /** `accessToken()` for the session at `key`: one store read, and a refresh when the token has expired. */
  return (key: string, session: SessionData) => async (): Promise<string> => {
    if (!refresher.unsaved.has(key)) {
      const tokens = await sessions.loadTokens(key);
      if (!tokens) throw sessionEnded();
      if (fresh(tokens)) return tokens.access_token;
    }
    let pending = running.get(key);
    if (!pending) {
      pending = refreshed(refresher, key, session).finally(() => running.delete(key));
      running.set(key, pending);
    }
    return pending;
  };
}

/**
 * The refresh of one session in this process: the tokens left unsaved written first, else turns at the
 * store's lock until this instance holds it or another has refreshed (the record changes).
 */
async function refreshed(refresher: Refresher, key: string, session: SessionData): Promise<string> {
  const { sessions, timeoutMs } = refresher;
  const kept = refresher.unsaved.get(key);
  if (kept) return storeBack(refresher, key, kept, session);
  const lock = { key: `l:${key.slice(2)}`, owner: randomId(), ms: lockMs(timeoutMs) };
  const deadline = Date.now() + lock.ms + timeoutMs;
  for (;;) {
    const tokens = await sessions.loadTokens(key);
    if (!tokens) throw sessionEnded();
    if (fresh(tokens)) return tokens.access_token;
    if (await sessions.call((s) => s.setIfAbsent(lock.key, lock.owner, lock.ms))) return holdingLock(refresher, key, session, lock);
    if (Date.now() > deadline) throw new EndpointError(504, 'provider_timeout', 'The token refresh did not finish in time');
    await sleep(POLL_MS);
  }
}

/**
 * The lock covers its holder's whole turn, each step bounded by timeoutMs: a store read, the discovery
 * and the token call, the store write; plus a margin. A crashed holder frees it soon.
 */
const lockMs = (timeoutMs: number) => 4 * timeoutMs + 1000;

/** This instance's turn: the refresh, unless whoever held the lock before did it; then the lock is freed. */
async function holdingLock(refresher: Refresher, key: string, session: SessionData, lock: { key: string; owner: string }): Promise<string> {
  const { sessions } = refresher;
  try {
    // Whoever held the lock before may have refreshed already.
    const tokens = await sessions.loadTokens(key);
    if (!tokens) throw sessionEnded();
    if (fresh(tokens)) return tokens.access_token;
    return await refreshAtProvider(refresher, key, session, tokens);
  } finally {
    // Only our own lock: after an expiry another instance may hold it now.
    await sessions.call((s) => s.deleteIf(lock.key, lock.owner)).catch(() => {});
  }
}

/** The token call: new tokens stored back; a refusal (or nothing to refresh with) ends the session. */
async function refreshAtProvider(refresher: Refresher, key: string, session: SessionData, tokens: KeptTokens): Promise<string> {
  const client = refresher.clients.get(session.p);
  if (!client?.refresh || !tokens.refresh_token) return ended(refresher, key, session);
  let next;
  try {
    next = await client.refresh(tokens.refresh_token);
  } catch (error) {
    // Refused (400: invalid_grant, …): the grant is gone and so is the session. A timeout or an
    // unreachable provider ends nothing: the next call tries again.
    if (error instanceof EndpointError && error.status == 400) return ended(refresher, key, session);
    throw error;
  }
  return storeBack(refresher, key, keepTokens(next, tokens), session);
}

/** Ends the session for good: the provider will not refresh it. */
async function ended({ sessions }: Refresher, key: string, session: SessionData): Promise<never> {
  await sessions.remove(key, session);
  throw sessionEnded();
}

/** Stores refreshed tokens back over the kept ones; a session ended meanwhile stays ended. */
async function storeBack({ sessions, clients, unsaved }: Refresher, key: string, kept: KeptTokens, session: SessionData): Promise<string> {
  // Bounded: a long store outage with many refreshing sessions must not grow this without end.
  if (unsaved.size >= MAX_UNSAVED && !unsaved.has(key)) unsaved.delete(unsaved.keys().next().value!);
  unsaved.set(key, kept);
  const written = await sessions.saveTokens(key, kept, session, true);
  unsaved.delete(key);
  if (written) return kept.access_token;
  // Logged out while the refresh ran: the tokens it got are nobody's, so they are revoked too.
  const client = clients.get(session.p);
  if (client?.revoke) for (const token of [kept.refresh_token, kept.access_token]) if (token) client.revoke(token).catch(() => {});
  throw sessionEnded();
}
