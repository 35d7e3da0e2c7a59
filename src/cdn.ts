/**
 * The CDN entry (dist/cdn/sos-annuaire.js): registers the elements. Heavy or rarely needed parts
 * are chunks fetched from this file's own URL when needed: MapLibre and its worker (a map on
 * screen), the commune index ("Près de"), typo tolerance, zod's detailed validation (a feed with
 * an invalid record), and the structure card (a card opened, or a standalone
 * `<sos-structure-card>` found in the page).
 */
export { SosAnnuaire } from './components/sos-annuaire/sos-annuaire.js';
export { SosSearchForm } from './components/sos-search-form/sos-search-form.js';
export { SosResultsList } from './components/sos-results-list/sos-results-list.js';
export { SosMap } from './components/sos-map/sos-map.js';
export { DirectoryStore } from './state/directory-store.js';
import { loadCard } from './components/sos-structure-card/load-card.js';

const CARD = 'sos-structure-card';

/** Loads the card's code as soon as a standalone card is in the page (now, or added later). */
function watchForStandaloneCards(): void {
  if (customElements.get(CARD)) return;
  if (document.querySelector(CARD)) {
    void loadCard();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!document.querySelector(CARD)) return;
    observer.disconnect();
    void loadCard();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  void customElements.whenDefined(CARD).then(() => observer.disconnect());
}
watchForStandaloneCards();
