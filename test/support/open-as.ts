import { vi } from 'vitest';

/**
 * Makes window.open return `popup`, which shows the URL it was opened at: a click readied ahead
 * (warm.ts) opens the popup straight at the provider; otherwise it opens blank and the flow navigates it.
 */
export function openAs(popup: { location: { href: string } }) {
  return vi.spyOn(window, 'open').mockImplementation((url) => {
    if (url) popup.location.href = String(url);
    return popup as unknown as Window;
  });
}
