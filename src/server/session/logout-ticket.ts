import { randomId } from './hash.js';
import { createSealer } from './seal.js';
import type { SessionStore } from './store.js';

/**
 * The ticket of the provider's sign-out (OpenID Connect RP-Initiated Logout without an ID token in page
 * script, contract §6 "Session hardening"; its route is `http/provider-logout.ts`). The ticket is sealed
 * for this purpose only (it holds the ID token), lives `TICKET_MS`, and is good once: with a store the
 * store remembers it, without one this process does (decision 23).
 */
export const TICKET_MS = 120_000;
/** Used tickets remembered without a store, at most (the oldest give way). */
const MAX_USED = 10_000;

export interface Ticket {
  /** provider key */
  p: string;
  /** the ID token, for `id_token_hint` */
  i?: string;
  /** `post_logout_redirect_uri` */
  r?: string;
  /** expiry, epoch ms */
  x: number;
  /** what makes it single-use */
  n: string;
}

/** What a ticket says of the sign-out it opens. */
export type TicketFields = Pick<Ticket, 'p' | 'i' | 'r'>;

const isTicket = (value: unknown): value is Ticket =>
  typeof value == 'object' && value !== null && typeof (value as Ticket).p == 'string' && typeof (value as Ticket).x == 'number' && typeof (value as Ticket).n == 'string';

/**
 * Sealing and redeeming sign-out tickets: `call` is the store's (with one), else the used tickets are
 * remembered in this process.
 */
export function createLogoutTickets(secrets: readonly string[], call?: <T>(operation: (store: SessionStore) => Promise<T>) => Promise<T>) {
  const sealer = createSealer(secrets, 'logout');
  const used = new Map<string, number>();

  /** Marks a ticket used: false when it was already. */
  async function firstUse(ticket: Ticket): Promise<boolean> {
    if (call) return call((s) => s.setIfAbsent(`x:${ticket.n}`, '1', Math.max(1, ticket.x - Date.now())));
    const now = Date.now();
    // Oldest first (tickets are used about in the order they were issued): stop at the first live one.
    for (const [nonce, expiry] of used) {
      if (expiry > now) break;
      used.delete(nonce);
    }
    if (used.has(ticket.n)) return false;
    if (used.size >= MAX_USED) used.delete(used.keys().next().value!);
    used.set(ticket.n, ticket.x);
    return true;
  }

  return {
    /** A fresh ticket, sealed: good for `TICKET_MS`, once. */
    issue: (fields: TicketFields) => sealer.seal({ ...fields, x: Date.now() + TICKET_MS, n: randomId() } satisfies Ticket),
    /** The ticket a value seals, while fresh; undefined for anything else. */
    async open(value: string): Promise<Ticket | undefined> {
      const ticket = await sealer.open(value);
      return isTicket(ticket) && Date.now() < ticket.x ? ticket : undefined;
    },
    /** Marks a ticket used: false when it was already. */
    use: firstUse,
  };
}

export type LogoutTickets = ReturnType<typeof createLogoutTickets>;
