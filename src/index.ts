/**
 * sos-annuaire: the embeddable directory of supportive cancer care.
 * Importing this module registers every element; each element also has its own entry point.
 */
export { SosAnnuaire } from './components/sos-annuaire/sos-annuaire.js';
export { SosSearchForm } from './components/sos-search-form/sos-search-form.js';
export { SosResultsList } from './components/sos-results-list/sos-results-list.js';
export { SosStructureCard } from './components/sos-structure-card/sos-structure-card.js';
export { SosMap } from './components/sos-map/sos-map.js';
export { SosSelection } from './components/sos-selection/sos-selection.js';
export { SosShare } from './components/sos-share/sos-share.js';
export { DirectoryStore } from './state/directory-store.js';
export type { SosEventMap } from './base/events.js';
