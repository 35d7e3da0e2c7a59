/**
 * The CDN bundle's main module (chunks/sos-annuaire.main-<hash>.js), imported at once by the CDN
 * entry dist/cdn/sos-annuaire.js, a small loader (src/cdn-loader/loader.ts): registers the
 * elements. Heavy or rarely needed parts are chunks fetched from this file's own URL when needed:
 * the map element (after the first
 * results), MapLibre and its worker (a map on screen), free-text search and its lexicon (the page
 * idle), the commune index ("Près de"), typo tolerance, zod's detailed validation (a feed with an
 * invalid record), the structure card (a card opened), « Ma sélection » and « Partager » (first
 * used), the URL state (the page idle). A standalone `<sos-map>`, `<sos-structure-card>`,
 * `<sos-selection>` or `<sos-share>` found in the page loads its element at once.
 */
// Imported for their effect (the elements defined); nothing is exported: the loader
// (src/cdn-loader/loader.ts), a classic-compatible script, could not pass exports on.
import './components/sos-annuaire/sos-annuaire.js';
import './components/sos-search-form/sos-search-form.js';
import './components/sos-results-list/sos-results-list.js';
import { loadCard } from './components/sos-structure-card/load-card.js';
import { loadMap } from './components/sos-map/load-map.js';
import { loadSelection } from './components/sos-selection/load-selection.js';

/** Loads an element's code as soon as one is in the page (now, or added later). */
function watchFor(tag: string, load: () => Promise<unknown>): void {
  if (customElements.get(tag)) return;
  if (document.querySelector(tag)) {
    void load();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!document.querySelector(tag)) return;
    observer.disconnect();
    void load();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  void customElements.whenDefined(tag).then(() => observer.disconnect());
}
watchFor('sos-structure-card', loadCard);
watchFor('sos-map', loadMap);
watchFor('sos-selection', loadSelection);
watchFor('sos-share', () => import('./components/sos-share/sos-share.js'));
