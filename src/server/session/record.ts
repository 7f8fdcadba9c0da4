import type { SessionUser } from '../../contract/wire.js';
import type { LoginTokens, LoginUser } from '../shared/login.js';

export type { SessionUser };

/** The provider's tokens as a session keeps them (`keepTokens`), with an absolute expiry. */
export interface KeptTokens {
  access_token: string;
  token_type: string;
  /** Epoch ms; absent when the provider gave no lifetime. */
  expires_at?: number;
  /** The token's whole lifetime, ms (with `expires_at`): sets how early it is refreshed. */
  lifetime?: number;
  refresh_token?: string;
  id_token?: string;
}

/** What is sealed into the cookie, or into the store's record (short keys: the cookie is small). */
export interface SessionData {
  /** provider key */
  p: string;
  u: SessionUser | null;
  /** created (login), epoch ms */
  c: number;
  /** absolute end: created + maxAge */
  e: number;
  /** last read that moved the idle window */
  s: number;
}

/** A session that ended, with the tokens it kept (for revocation and the provider's sign-out). */
export interface EndedSession {
  data: SessionData;
  tokens?: KeptTokens;
}

export function withoutRaw(user: LoginUser | null): SessionUser | null {
  if (!user) return null;
  const { raw: _raw, ...rest } = user;
  return rest;
}

export function keepTokens(tokens: LoginTokens, previous?: KeptTokens): KeptTokens {
  const kept: KeptTokens = { access_token: tokens.access_token, token_type: tokens.token_type };
  if (tokens.expires_in !== undefined) {
    kept.lifetime = tokens.expires_in * 1000;
    kept.expires_at = Date.now() + kept.lifetime;
  }
  // A provider that does not rotate sends no new refresh token: the old one stays good.
  const refresh = tokens.refresh_token ?? previous?.refresh_token;
  if (refresh) kept.refresh_token = refresh;
  const id = tokens.id_token ?? previous?.id_token;
  if (id) kept.id_token = id;
  return kept;
}

const isNumber = (value: unknown): value is number => typeof value == 'number' && Number.isFinite(value);

/** Opened kept tokens that have their shape, else null. */
export function asKeptTokens(value: unknown): KeptTokens | null {
  if (typeof value != 'object' || value === null) return null;
  const tokens = value as Partial<KeptTokens>;
  return typeof tokens.access_token == 'string' && typeof tokens.token_type == 'string' ? (tokens as KeptTokens) : null;
}

/** An opened payload that has the session's shape, else null. */
export function asSessionData(value: unknown): SessionData | null {
  if (typeof value != 'object' || value === null) return null;
  const data = value as Partial<SessionData>;
  const user = data.u;
  const userOk = user === null || (typeof user == 'object' && user !== undefined && typeof user.id == 'string');
  return typeof data.p == 'string' && userOk && isNumber(data.c) && isNumber(data.e) && isNumber(data.s) ? (data as SessionData) : null;
}

/**
 * A user that does not fit the cookie, made to fit: its largest fields go first, the id always stays
 * (contract §6: trimmed, never silently dropped). Returns null when even the id alone is too large.
 */
export async function trimmed(user: SessionUser, fits: (user: SessionUser) => Promise<boolean>): Promise<SessionUser | null> {
  const fields = Object.keys(user)
    .filter((key) => key != 'id')
    .sort((a, b) => JSON.stringify(user[b]).length - JSON.stringify(user[a]).length);
  const kept: SessionUser = { ...user };
  for (const field of fields) {
    delete kept[field];
    if (await fits(kept)) return kept;
  }
  return null;
}
