import type { PublicProvider } from '../contract/wire.js';

/** Where the provider last used on this device is kept (contract §8): its key, written after a successful login only. */
export const LAST_USED_KEY = 'login-elements:last-provider';

/** How long `<login-chooser>` waits for its provider list before it shows `config_unavailable` (a list that arrives later still shows). */
export const listWait = { ms: 10_000 };

/** The provider key last used on this device; undefined when none, or storage is blocked or throws. */
export function lastUsed(): string | undefined {
  try {
    return localStorage.getItem(LAST_USED_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `key` as the provider last used; blocked or full storage just means no badge next time. */
export function remember(key: string): void {
  try {
    localStorage.setItem(LAST_USED_KEY, key);
  } catch {
    /* no storage: no badge */
  }
}

/**
 * The entries a chooser shows, in order: the list's own order, or the order of `subset` (keys separated
 * by spaces or commas; a key the list does not have is warned about and skipped); then the one last
 * used on this device moved first.
 */
export function chooseEntries(list: readonly PublicProvider[], subset: string | undefined, last: string | undefined, where: string): PublicProvider[] {
  let chosen = [...list];
  const keys = subset?.split(/[\s,]+/).filter(Boolean);
  if (keys?.length) {
    chosen = [];
    for (const key of new Set(keys)) {
      const entry = list.find((p) => p.key == key);
      if (entry) chosen.push(entry);
      else console.warn(`login-elements: <login-chooser providers> names "${key}", which ${where} does not list`);
    }
  }
  const at = chosen.findIndex((p) => p.key == last);
  if (at > 0) chosen.unshift(...chosen.splice(at, 1));
  return chosen;
}
