/**
 * The structure card's code, fetched once, when first needed (a card opened, or a standalone
 * `<sos-structure-card>` in the page): it is not part of the page's initial JavaScript.
 */
let loading: Promise<unknown> | undefined;

export function loadCard(): Promise<unknown> {
  return (loading ??= import('./sos-structure-card.js'));
}
