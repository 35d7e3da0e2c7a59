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

/**
 * Cluster counts need glyphs: returns a font the style's glyph server has (taken from one of its
 * own symbol layers), or undefined when the style has no glyphs (the offline style) — then size
 * and shade alone say how many structures a cluster holds.
 */
export function countFont(style: Pick<StyleSpecification, 'glyphs' | 'layers'>): string[] | undefined {
  if (!style.glyphs) return undefined;
  for (const layer of style.layers) {
    if (layer.type !== 'symbol') continue;
    let font: unknown = layer.layout?.['text-font'];
    if (Array.isArray(font) && font[0] === 'literal') font = font[1];
    if (Array.isArray(font) && font.length && font.every((f) => typeof f === 'string')) return font as string[];
  }
  return undefined;
}
