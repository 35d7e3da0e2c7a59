/**
 * The bundled fallback style: a background and the département outlines, no tiles, no glyphs, no
 * network. Used with `basemap="offline"`, and by itself when the IGN (or custom) style cannot load.
 * Imported only by map-view.ts (the outlines are ~150 kB of JS, kept in the lazy chunk).
 */
import type { StyleSpecification } from 'maplibre-gl';
import departements from './basemap/departements.geo.js';

export const OFFLINE_SOURCE = 'sos-departements';

export function offlineStyle(attribution: string): StyleSpecification {
  return {
    version: 8,
    name: 'sos-annuaire hors ligne',
    sources: {
      [OFFLINE_SOURCE]: { type: 'geojson', data: departements, attribution },
    },
    layers: [
      { id: 'sos-background', type: 'background', paint: { 'background-color': '#dfe8ef' } },
      { id: 'sos-departements-fill', type: 'fill', source: OFFLINE_SOURCE, paint: { 'fill-color': '#fbfaf7' } },
      {
        id: 'sos-departements-line',
        type: 'line',
        source: OFFLINE_SOURCE,
        paint: { 'line-color': '#9aa6b2', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 10, 1.5] },
      },
    ],
  };
}
