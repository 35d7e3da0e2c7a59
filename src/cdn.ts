/**
 * The CDN entry (dist/cdn/sos-annuaire.js): registers every element. Heavy parts (MapLibre and
 * its worker, the commune index) stay in chunks loaded from this file's own URL when needed.
 */
export * from './index.js';
