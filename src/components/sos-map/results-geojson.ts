/** Search results → the map's places (GeoJSON and a lookup), and the bounds to fit. Pure functions. */
import type { ResultSet } from '../../search/search.js';
import type { Bounds, MapPlace, MapResults, PlaceProps, ResultsCollection, StructureProps } from './map-view-api.js';

/**
 * Structures whose coordinates differ by at most this much (in degrees, on each axis; ~1 m) are
 * at the same place: one building often hosts several, and the feed gives them the same point.
 */
export const SAME_PLACE_DEGREES = 1e-5;
/** Guards the comparison against floating-point noise (1e-5 is not exact in binary). */
const TOLERANCE = SAME_PLACE_DEGREES + 1e-9;
/**
 * Places are found through a grid of cells twice the tolerance wide: a position within the
 * tolerance of a place is then in at most 2 × 2 cells (4 look-ups, instead of 9 with cells the
 * tolerance wide).
 */
const CELL = 2 * SAME_PLACE_DEGREES;

interface Place extends MapPlace {
  readonly lon: number;
  readonly lat: number;
  readonly structures: StructureProps[];
  /** Its feature's properties (`count` grows as structures join). */
  readonly props: PlaceProps;
  /** The next place in the same hash bucket. */
  readonly next: Place | undefined;
}

/**
 * A grid cell as a small integer (fast Map key); different cells may share one, hence the chain
 * of places per bucket, each checked by distance.
 */
const bucketOf = (cx: number, cy: number): number => ((cx * 73856093) ^ (cy * 19349663)) & 0x3fffffff;

/**
 * One Point feature per place: the structures at the same position (within SAME_PLACE_DEGREES of
 * the place's first structure) are grouped, in result order, across all result groups (a
 * structure listed twice is mapped once). Structures without a location are not on the map.
 *
 * A place's key is its first structure's key; MapLibre uses it as the feature id
 * (`promoteId: 'key'`). The structures at each place come beside the GeoJSON, in `placeOf` (see
 * `PlaceProps` for why they are not feature properties).
 */
export function resultsToGeoJSON(results: Pick<ResultSet, 'groups'>): MapResults {
  const buckets = new Map<number, Place>();
  const placeOf = new Map<string, Place>();
  const features: ResultsCollection['features'] = [];
  for (const group of results.groups) {
    for (const { structure } of group.results) {
      const { key, name, location } = structure;
      if (!location || placeOf.has(key)) continue;
      const { lon, lat } = location;
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      let place = find(buckets, lon, lat);
      if (place) {
        place.structures.push({ key, name });
        place.props.count++;
      } else {
        const bucket = bucketOf(Math.floor(lon / CELL), Math.floor(lat / CELL));
        const props: PlaceProps = { key, count: 1 };
        place = { key, lon, lat, structures: [{ key, name }], props, next: buckets.get(bucket) };
        buckets.set(bucket, place);
        features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: props });
      }
      placeOf.set(key, place);
    }
  }
  return { geojson: { type: 'FeatureCollection', features }, placeOf, structureCount: placeOf.size };
}

/** The first place found within the tolerance of a position, if any. */
function find(buckets: Map<number, Place>, lon: number, lat: number): Place | undefined {
  const x0 = Math.floor((lon - TOLERANCE) / CELL), x1 = Math.floor((lon + TOLERANCE) / CELL);
  const y0 = Math.floor((lat - TOLERANCE) / CELL), y1 = Math.floor((lat + TOLERANCE) / CELL);
  for (let cx = x0; cx <= x1; cx++) {
    for (let cy = y0; cy <= y1; cy++) {
      for (let p = buckets.get(bucketOf(cx, cy)); p; p = p.next) {
        if (Math.abs(p.lon - lon) <= TOLERANCE && Math.abs(p.lat - lat) <= TOLERANCE) return p;
      }
    }
  }
  return undefined;
}

/** No results: nothing on the map. */
export function emptyMapResults(): MapResults {
  return { geojson: { type: 'FeatureCollection', features: [] }, placeOf: new Map(), structureCount: 0 };
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

/** The bounding box of the places (every mapped structure is at one of them). */
export function boundsOfResults(fc: ResultsCollection): Bounds | undefined {
  return boundsOfPositions(fc.features.map((f) => f.geometry.coordinates));
}
