/**
 * Registers a custom element once. WordPress themes and plugins routinely load the same script
 * twice; the second registration warns (a setup mistake: src/base/setup-notice.ts says it) instead
 * of throwing and breaking the page.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, ctor);
  else if (existing !== ctor) void import('./setup-notice.js').then((m) => m.definedTwice(tag));
}
