/**
 * Registers a custom element once. WordPress themes and plugins routinely load the same script
 * twice; the second registration warns instead of throwing and breaking the page.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(`[sos-annuaire] <${tag}> est déjà défini : le script du widget est chargé deux fois sur cette page. La première version est conservée.`);
  }
}
