/**
 * Opens a popup of this size at `url`, centred over the opener window. Must run synchronously inside
 * the click: popup blockers allow a window only while the user activation lasts, so a request that is
 * not ready yet opens `''` (about:blank), navigated when it is. Returns null when the browser blocked it.
 */
export function openPopup(url: string, name: string, width: number, height: number): Window | null {
  const left = screenX + (outerWidth - width) / 2;
  const top = screenY + (outerHeight - height) / 2;
  return open(url, name, `width=${width},height=${height},left=${left},top=${top}`);
}
