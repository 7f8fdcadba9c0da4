/**
 * Which URLs a page may be sent to or fetch, on both sides (docs/contract.md §2): `https:`, or `http:` on
 * a loopback host (a developer's own machine). `javascript:`, `data:`, `blob:` and the rest never are.
 */

/** A loopback host, as `URL.hostname` serialises it (lower case, IPv6 in brackets). */
export const isLoopbackHost = (hostname: string) => hostname == 'localhost' || hostname == '127.0.0.1' || hostname == '[::1]';

/** `https:`, or `http:` on a loopback host. */
export const isNavigable = (url: URL) => url.protocol == 'https:' || (url.protocol == 'http:' && isLoopbackHost(url.hostname));
