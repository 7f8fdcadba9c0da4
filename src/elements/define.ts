/** Registers a tag once: a second bundle on the same page (npm + CDN) must not throw. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
