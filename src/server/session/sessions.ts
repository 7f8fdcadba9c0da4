import { EndpointError } from '../errors.js';
import type { LoginTokens, LoginUser } from '../types.js';
import { clearCookie, cookieFor, MAX_COOKIE_BYTES, readCookie, readCookies, setCookie, type CookieJar, type PlainAllowed } from './cookie.js';
import { createDeadlines } from './deadlines.js';
import { hash, ID_PATTERN, randomId } from './hash.js';
import { SLIDE_AFTER_MS, type SessionSettings } from './options.js';
import { asKeptTokens, asSessionData, keepTokens, trimmed, withoutRaw, type EndedSession, type KeptTokens, type SessionData } from './record.js';
import { createSealer } from './seal.js';
import type { SessionStore } from './store.js';

/** What a session read needs of a request, whatever carried it. */
export interface SessionSource {
  cookie: string | null | undefined;
  /** The origin the request was addressed to: decides the cookie's name and flags. */
  origin: string | undefined;
}

/** A session that was read: its data, where it lives, and a cookie to send back when it slid. */
export interface ReadSession {
  data: SessionData;
  /** The store key (`s:` + hash of the id), with a store. */
  key?: string;
  setCookie?: string;
}

export interface ReadResult {
  session: ReadSession | null;
  /** Clears a cookie that was sent but is not a live session (tampered, expired, revoked). */
  setCookie?: string;
}

export const storeUnavailable = () => new EndpointError(503, 'session_store_unavailable', 'The session store cannot be reached; try again shortly');
export const sessionEnded = () => new EndpointError(401, 'session_ended', 'The session has ended');

/**
 * Kept tokens live beside the session record, not in it: a read that moves the idle window rewrites
 * the record, and must never write back tokens a concurrent refresh has just replaced (a rotated
 * refresh token, spent, would end the session at the next refresh).
 */
export const tokensKey = (key: string) => `t:${key.slice(2)}`;

const userKey = (provider: string, id: string) => hash(`${provider}\u0000${id}`).then((h) => `u:${h}`);

/**
 * The sessions of one handler. `plainAllowed`: whether a loopback `http:` page origin is a place this
 * site is served from (development), where the cookie cannot be `Secure`.
 */
export function createSessions(settings: SessionSettings, timeoutMs: number, plainAllowed?: PlainAllowed) {
  // One key per purpose (SPEC §6): a record never opens as a cookie, nor kept tokens as either.
  const sealer = { cookie: createSealer(settings.secrets, 'cookie'), record: createSealer(settings.secrets, 'record'), tokens: createSealer(settings.secrets, 'tokens') };
  const { store, maxAgeMs, idleMs } = settings;

  const deadlines = createDeadlines(timeoutMs);
  /** A store call within `timeoutMs`; any failure is the 503 (never a half answer). */
  function call<T>(operation: (store: SessionStore) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const fail = () => {
        if (settled) return;
        settled = true;
        settle();
        reject(storeUnavailable());
      };
      const settle = deadlines.start(fail);
      try {
        operation(store!).then((value) => {
          if (settled) return;
          settled = true;
          settle();
          resolve(value);
        }, fail);
      } catch {
        fail();
      }
    });
  }

  // The settings of today, not of the login: a maxAge (or idleTimeout) lowered since shortens the
  // sessions issued before it too.
  const expiry = (data: SessionData) => Math.min(data.e, data.c + maxAgeMs, idleMs ? data.s + idleMs : Infinity);
  // Reads at most every 60 s move the idle window; a shorter idleTimeout slides at half of it, so an
  // active user is never signed out by it.
  const slideAfterMs = idleMs ? Math.min(SLIDE_AFTER_MS, idleMs / 2) : Infinity;
  const seconds = (until: number) => Math.ceil((until - Date.now()) / 1000);
  const jarFor = (source: SessionSource) => cookieFor(settings.cookieName, source.origin, plainAllowed);

  async function load(key: string): Promise<SessionData | null> {
    const sealed = await call((s) => s.get(key));
    const data = sealed === null ? null : asSessionData(await sealer.record.open(sealed));
    return data && Date.now() < expiry(data) ? data : null;
  }

  /** Writes a new session's record. */
  async function save(key: string, data: SessionData): Promise<void> {
    const sealed = await sealer.record.seal(data);
    await call((s) => s.set(key, sealed, expiry(data) - Date.now()));
  }

  /**
   * Updates a live session's record: false when it is gone (ended meanwhile by a logout, here or on
   * another instance), which an update must never bring back.
   */
  async function update(key: string, data: SessionData): Promise<boolean> {
    const sealed = await sealer.record.seal(data);
    return call((s) => s.replace(key, sealed, expiry(data) - Date.now()));
  }

  async function loadTokens(key: string): Promise<KeptTokens | null> {
    const sealed = await call((s) => s.get(tokensKey(key)));
    return sealed === null ? null : asKeptTokens(await sealer.tokens.open(sealed));
  }

  /**
   * Kept until the session's absolute end; the session record decides whether they are still used.
   * `replace`: only over tokens still kept (a refresh), false when the session ended meanwhile.
   */
  async function saveTokens(key: string, tokens: KeptTokens, data: SessionData, replace = false): Promise<boolean> {
    const sealed = await sealer.tokens.seal(tokens);
    const ttl = data.e - Date.now();
    if (replace) return call((s) => s.replace(tokensKey(key), sealed, ttl));
    await call((s) => s.set(tokensKey(key), sealed, ttl));
    return true;
  }

  /** Deletes a session's record and its tokens. */
  async function remove(key: string): Promise<void> {
    await call((s) => s.delete(key));
    await call((s) => s.delete(tokensKey(key)));
  }

  /** A cookie's value as a live session (with its store key), or null. */
  async function open(value: string): Promise<{ data: SessionData; key?: string } | null> {
    if (value.length > MAX_COOKIE_BYTES) return null;
    if (store) {
      if (!ID_PATTERN.test(value)) return null;
      const key = `s:${await hash(value)}`;
      const data = await load(key);
      return data && { data, key };
    }
    const data = asSessionData(await sealer.cookie.open(value));
    return data && Date.now() < expiry(data) ? { data } : null;
  }

  /** The cookie for a sealed session, trimming a user too large for it. */
  async function sealedCookie(jar: CookieJar, data: SessionData): Promise<string> {
    const fits = async (candidate: SessionData) => `${jar.name}=${await sealer.cookie.seal(candidate)}`.length <= MAX_COOKIE_BYTES;
    if (!(await fits(data))) {
      const user = data.u && (await trimmed(data.u, (u) => fits({ ...data, u })));
      if (!user) throw new EndpointError(502, 'invalid_provider_response', 'The provider named a user id too large for a session');
      data = { ...data, u: user };
    }
    return setCookie(jar, await sealer.cookie.seal(data), seconds(expiry(data)));
  }

  return {
    store,
    expiry,

    /**
     * The session a request carries, or null (then its cookie, if any, is cleared). Of several cookies
     * of the session's name (one planted for another path or domain), the first that opens is the
     * session; one is cleared only when none opens.
     */
    async read(source: SessionSource, slide = true): Promise<ReadResult> {
      const jar = jarFor(source);
      const values = readCookies(source.cookie, jar.name);
      if (!values.length) return { session: null };
      const signedOut = { session: null, setCookie: clearCookie(jar) };
      let opened: { data: SessionData; key?: string } | null = null;
      for (let i = 0; i < values.length && !opened; i++) opened = await open(values[i]!);
      if (!opened) return signedOut;
      const { data, key } = opened;
      const session: ReadSession = { data, key };
      if (slide && Date.now() - data.s > slideAfterMs) {
        data.s = Math.min(Date.now(), data.e);
        if (key) {
          if (!(await update(key, data))) return signedOut;
        } else session.setCookie = await sealedCookie(jar, data);
      }
      return { session };
    },

    /** A fresh session for a login (new id, new seal: nothing the request carried is promoted). */
    async create(source: SessionSource, provider: string, user: LoginUser | null, tokens: LoginTokens): Promise<{ setCookie: string; data: SessionData; key?: string }> {
      const now = Date.now();
      const data: SessionData = { p: provider, u: withoutRaw(user), c: now, e: now + maxAgeMs, s: now };
      const jar = jarFor(source);
      if (!store) return { setCookie: await sealedCookie(jar, data), data };
      const id = randomId();
      const key = `s:${await hash(id)}`;
      // The session this browser had (or was planted with) is replaced, not left behind in the store.
      const previous = readCookie(source.cookie, jar.name);
      if (previous !== undefined && ID_PATTERN.test(previous)) {
        await remove(`s:${await hash(previous)}`);
      }
      // Tokens first: a session record never exists without the tokens it promises.
      if (settings.keepTokens) await saveTokens(key, keepTokens(tokens), data);
      await save(key, data);
      if (data.u) {
        const index = await userKey(provider, data.u.id);
        await call((s) => s.addToSet(index, key, maxAgeMs));
      }
      // With a store the record carries the idle window; the cookie lives until the absolute end.
      return { setCookie: setCookie(jar, id, seconds(data.e)), data, key };
    },

    /**
     * Ends the request's session (and with `everywhere`, every session of its user): the records are
     * deleted and the cookie cleared. Returns what ended, for revocation and provider sign-out.
     */
    async end(source: SessionSource, everywhere: boolean): Promise<{ ended: EndedSession[]; setCookie?: string }> {
      const { session, setCookie: clear } = await this.read(source, false);
      if (!session) return { ended: [], setCookie: clear };
      const setCookieHeader = clearCookie(jarFor(source));
      if (!session.key) return { ended: [{ data: session.data }], setCookie: setCookieHeader };
      const keys = new Set([session.key]);
      const index = everywhere && session.data.u ? await userKey(session.data.p, session.data.u.id) : undefined;
      if (index) for (const key of await call((s) => s.members(index))) keys.add(key);
      const ended: EndedSession[] = [];
      for (const key of keys) {
        const data = key === session.key ? session.data : await load(key);
        const tokens = settings.keepTokens ? await loadTokens(key) : null;
        if (data) ended.push(tokens ? { data, tokens } : { data });
        await remove(key);
      }
      if (index) await call((s) => s.delete(index));
      return { ended, setCookie: setCookieHeader };
    },

    loadTokens,
    saveTokens,
    remove,
    call,
  };
}

export type Sessions = ReturnType<typeof createSessions>;
