/** Search results → the map's GeoJSON, and the bounds to fit. Pure functions. */
import type { ResultSet } from '../../search/search.js';
import type { Bounds, ResultsCollection } from './map-view-api.js';

/**
 * One Point feature per mapped structure, across all result groups (a structure listed twice is
 * mapped once). Structures without a location are simply not on the map. The feature `id` is left
 * to MapLibre's `promoteId: 'key'`.
 */
export function resultsToGeoJSON(results: Pick<ResultSet, 'groups'>): ResultsCollection {
  const seen = new Set<string>();
  const features: ResultsCollection['features'] = [];
  for (const group of results.groups) {
    for (const { structure } of group.results) {
      const { key, name, location } = structure;
      if (!location || seen.has(key)) continue;
      seen.add(key);
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
        properties: { key, name },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The bounding box of a set of positions, or undefined when there are none. */
export function boundsOfPositions(positions: Iterable<readonly number[]>): Bounds | undefined {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [lon, lat] of positions) {
    if (lon === undefined || lat === undefined) continue;
    if (lon < w) w = lon;
    if (lon > e) e = lon;
    if (lat < s) s = lat;
    if (lat > n) n = lat;
  }
  return w === Infinity ? undefined : [[w, s], [e, n]];
}

export function boundsOfResults(fc: ResultsCollection): Bounds | undefined {
  return boundsOfPositions(fc.features.map((f) => f.geometry.coordinates));
}
