import { EndpointError } from '../shared/errors.js';
import type { LoginTokens, LoginUser } from '../shared/login.js';
import { clearCookie, cookieFor, MAX_COOKIE_BYTES, readCookie, readCookies, setCookie, type CookieJar, type PlainAllowed } from './cookie.js';
import { ID_PATTERN, randomId, sessionKey } from './hash.js';
import { SLIDE_AFTER_MS, type SessionSettings } from './options.js';
import { asSessionData, keepTokens, trimmed, withoutRaw, type EndedSession, type SessionData } from './record.js';
import { createRecords, type Records } from './records.js';
import { createSealer } from './seal.js';
import { createStoreCall } from './store-call.js';
import type { SessionStore } from './store.js';
import { createUserIndex, inBatches, type StoreCall } from './user-index.js';


/** What a session read needs of a request, whatever carried it. */
export interface SessionSource {
  cookie: string | null | undefined;
  /** The origin the request was addressed to: decides the cookie's name and flags. */
  origin: string | undefined;
}

/** A session that was read: its data, where it lives, and a cookie to send back when it slid. */
export interface ReadSession {
  data: SessionData;
  /** The store key (`s:{hash of the id}`), with a store. */
  key?: string;
  setCookie?: string;
}

export interface ReadResult {
  session: ReadSession | null;
  /** Clears a cookie that was sent but is not a live session (tampered, expired, revoked). */
  setCookie?: string;
}

export const sessionEnded = () => new EndpointError(401, 'session_ended', 'The session has ended');

/** What every step below shares: one handler's settings, sealers, store and records. */
interface Context {
  settings: SessionSettings;
  store: SessionStore | undefined;
  cookieSealer: ReturnType<typeof createSealer>;
  records: Records;
  index: ReturnType<typeof createUserIndex>;
  call: StoreCall;
  expiry(data: SessionData): number;
  /** How long after its last move the idle window moves again on a read. */
  slideAfterMs: number;
  jarFor(source: SessionSource): CookieJar;
}

type Opened = { data: SessionData; key?: string };

const seconds = (until: number) => Math.ceil((until - Date.now()) / 1000);

/** A cookie's value as a live session (with its store key), or null. */
async function openCookie(c: Context, value: string): Promise<Opened | null> {
  if (value.length > MAX_COOKIE_BYTES) return null;
  if (c.store) {
    if (!ID_PATTERN.test(value)) return null;
    const digest = sessionKey(value);
    const key = typeof digest == 'string' ? digest : await digest;
    const data = await c.records.load(key);
    return data && { data, key };
  }
  const data = asSessionData(await c.cookieSealer.open(value));
  return data && Date.now() < c.expiry(data) ? { data } : null;
}

/** The cookie for a sealed session, trimming a user too large for it. */
async function sealedCookie(c: Context, jar: CookieJar, data: SessionData): Promise<string> {
  const fits = async (candidate: SessionData) => `${jar.name}=${await c.cookieSealer.seal(candidate)}`.length <= MAX_COOKIE_BYTES;
  if (!(await fits(data))) {
    const user = data.u && (await trimmed(data.u, (u) => fits({ ...data, u })));
    if (!user) throw new EndpointError(502, 'invalid_provider_response', 'The provider named a user id too large for a session');
    data = { ...data, u: user };
  }
  return setCookie(jar, await c.cookieSealer.seal(data), seconds(c.expiry(data)));
}

/**
 * Moves the idle window of a session just read: the record is rewritten (false when it has ended
 * meanwhile), or the sealed cookie re-sealed into `session.setCookie`.
 */
async function slideSession(c: Context, jar: CookieJar, session: ReadSession): Promise<boolean> {
  const { data, key } = session;
  data.s = Math.min(Date.now(), data.e);
  if (key) return c.records.update(key, data);
  session.setCookie = await sealedCookie(c, jar, data);
  return true;
}

/**
 * The session a request carries, or null (then its cookie, if any, is cleared). Of several cookies
 * of the session's name (one planted for another path or domain), the first that opens is the
 * session; one is cleared only when none opens.
 */
async function readSession(c: Context, source: SessionSource, slide: boolean): Promise<ReadResult> {
  const jar = c.jarFor(source);
  const values = readCookies(source.cookie, jar.name);
  if (!values.length) return { session: null };
  const signedOut = { session: null, setCookie: clearCookie(jar) };
  let opened: Opened | null = null;
  for (let i = 0; i < values.length && !opened; i++) opened = await openCookie(c, values[i]!);
  if (!opened) return signedOut;
  const session: ReadSession = { data: opened.data, key: opened.key };
  if (slide && Date.now() - session.data.s > c.slideAfterMs && !(await slideSession(c, jar, session))) return signedOut;
  return { session };
}

/**
 * The session this browser had (or was planted with) is replaced by the login's new id, not left
 * behind in the store nor in its user's set.
 */
async function replacePrevious(c: Context, source: SessionSource, jar: CookieJar): Promise<void> {
  const previous = readCookie(source.cookie, jar.name);
  if (previous === undefined || !ID_PATTERN.test(previous)) return;
  const previousKey = await sessionKey(previous);
  await c.records.remove(previousKey, await c.records.record(previousKey));
}

/** A fresh session for a login (new id, new seal: nothing the request carried is promoted). */
async function createSession(c: Context, source: SessionSource, provider: string, user: LoginUser | null, tokens: LoginTokens) {
  const now = Date.now();
  const data: SessionData = { p: provider, u: withoutRaw(user), c: now, e: now + c.settings.maxAgeMs, s: now };
  const jar = c.jarFor(source);
  if (!c.store) return { setCookie: await sealedCookie(c, jar, data), data };
  const id = randomId();
  const key = await sessionKey(id);
  await replacePrevious(c, source, jar);
  try {
    // Tokens first: a session record never exists without the tokens it promises; the record
    // before its index entry, which a login elsewhere drops when it finds no record.
    if (c.settings.keepTokens) await c.records.saveTokens(key, keepTokens(tokens), data);
    await c.records.save(key, data);
    await c.index.add(key, data, c.settings.maxAgeMs);
  } catch (error) {
    // A login that fails half-way leaves nothing behind (no tokens kept for days with no session).
    await c.records.remove(key, data).catch(() => {});
    throw error;
  }
  // With a store the record carries the idle window; the cookie lives until the absolute end.
  return { setCookie: setCookie(jar, id, seconds(data.e)), data, key };
}

/**
 * Every session in the user's set, a batch at a time: two deletes per key (and a read of kept
 * tokens), no record read. The set is one provider's user's: the provider is this session's.
 */
async function endEverywhere(c: Context, key: string, data: SessionData, userIndex: string, ended: EndedSession[]): Promise<void> {
  const others = (await c.call((s) => s.members(userIndex))).filter((member) => member !== key);
  await inBatches([key, ...others], async (member) => {
    const kept = member === key ? null : c.settings.keepTokens ? await c.records.loadTokens(member) : null;
    if (kept) ended.push({ data, tokens: kept });
    await c.records.drop(member);
  });
  await c.call((s) => s.delete(userIndex));
}

/**
 * Ends the request's session (and with `everywhere`, every session of its user): the records are
 * deleted and the cookie cleared. Returns what ended, for revocation and provider sign-out.
 */
async function endSession(c: Context, source: SessionSource, everywhere: boolean): Promise<{ ended: EndedSession[]; setCookie?: string }> {
  const { session, setCookie: clear } = await readSession(c, source, false);
  if (!session) return { ended: [], setCookie: clear };
  const setCookieHeader = clearCookie(c.jarFor(source));
  const { key, data } = session;
  if (!key) return { ended: [{ data }], setCookie: setCookieHeader };
  const tokens = c.settings.keepTokens ? await c.records.loadTokens(key) : null;
  const ended: EndedSession[] = [tokens ? { data, tokens } : { data }];
  const userIndex = everywhere ? await c.index.indexOf(data) : undefined;
  if (userIndex) await endEverywhere(c, key, data, userIndex, ended);
  else await c.records.remove(key, data);
  return { ended, setCookie: setCookieHeader };
}

/**
 * The sessions of one handler. `plainAllowed`: whether a loopback `http:` page origin is a place this
 * site is served from (development), where the cookie cannot be `Secure`.
 */
export function createSessions(settings: SessionSettings, timeoutMs: number, plainAllowed?: PlainAllowed) {
  const { store, maxAgeMs, idleMs } = settings;
  const call = createStoreCall(store, timeoutMs);
  // The settings of today, not of the login: a maxAge (or idleTimeout) lowered since shortens the
  // sessions issued before it too.
  const expiry = (data: SessionData) => Math.min(data.e, data.c + maxAgeMs, idleMs ? data.s + idleMs : Infinity);
  const index = createUserIndex(call);
  // One key per purpose (contract §6): a record never opens as a cookie, nor kept tokens as either.
  const records = createRecords({ call, sealers: { record: createSealer(settings.secrets, 'record'), tokens: createSealer(settings.secrets, 'tokens') }, expiry, index });
  const c: Context = {
    settings,
    store,
    cookieSealer: createSealer(settings.secrets, 'cookie'),
    records,
    index,
    call,
    expiry,
    // Reads at most every 60 s move the idle window; a shorter idleTimeout slides at half of it, so an
    // active user is never signed out by it.
    slideAfterMs: idleMs ? Math.min(SLIDE_AFTER_MS, idleMs / 2) : Infinity,
    jarFor: (source) => cookieFor(settings.cookieName, source.origin, plainAllowed),
  };
  return {
    store,
    expiry,
    read: (source: SessionSource, slide = true) => readSession(c, source, slide),
    create: (source: SessionSource, provider: string, user: LoginUser | null, tokens: LoginTokens) => createSession(c, source, provider, user, tokens),
    end: (source: SessionSource, everywhere: boolean) => endSession(c, source, everywhere),
    loadTokens: records.loadTokens,
    saveTokens: records.saveTokens,
    remove: records.remove,
    call,
  };
}

export type Sessions = ReturnType<typeof createSessions>;
