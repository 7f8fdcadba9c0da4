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

/** Sends the popup to the authorize request: a navigation, or a form POST targeted at its name. */
export function navigatePopup(popup: Window, name: string, url: URL, method: 'get' | 'post'): void {
  if (method == 'post') submitForm(url, name);
  else popup.location.href = url.href;
}

/** POSTs the URL's query parameters as a form to `target` (a window name, or `_self`). */
export function submitForm(url: URL, target: string): void {
  const form = Object.assign(document.createElement('form'), { method: 'post', action: url.origin + url.pathname, target });
  for (const [name, value] of url.searchParams) form.append(Object.assign(document.createElement('input'), { name, value }));
  document.body.append(form);
  form.submit();
  form.remove();
}
