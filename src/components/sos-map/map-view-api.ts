/**
 * The contract between `<sos-map>` (light, always loaded) and `map-view.ts` (MapLibre, imported
 * only when a map becomes visible). Nothing here imports maplibre-gl at run time: type imports
 * are erased, so a page without a visible map never requests a MapLibre file.
 */
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The one GeoJSON source holding every mapped result (clustered). */
export const SOURCE_RESULTS = 'sos-results';
/** The search point and its radius circle. */
export const SOURCE_NEAR = 'sos-near';
export const LAYER_CLUSTERS = 'sos-clusters';
export const LAYER_CLUSTER_COUNT = 'sos-cluster-count';
export const LAYER_POINTS = 'sos-points';
/** The number of structures on a place holding several (only when the style has glyphs). */
export const LAYER_POINT_COUNT = 'sos-point-count';
export const LAYER_NEAR_FILL = 'sos-near-fill';
export const LAYER_NEAR_LINE = 'sos-near-line';
export const LAYER_NEAR_POINT = 'sos-near-point';

/** Which style the map shows: the IGN default, an integrator's `basemap` URL, or the bundled outline style. */
export type { BasemapInUse } from '../../base/events.js';
import type { BasemapInUse } from '../../base/events.js';

/** Fit padding (px) and the closest zoom a fit may reach (a single result stays in context). */
export const FIT_PADDING = 40;
export const FIT_MAX_ZOOM = 13;
/** Camera animation length; 0 under `prefers-reduced-motion: reduce`. */
export const MOTION_MS = 600;

export type LngLatTuple = [lon: number, lat: number];
/** `[[west, south], [east, north]]`. */
export type Bounds = [LngLatTuple, LngLatTuple];

/** One structure as the map lists it. `name` comes from the feed: untrusted, render as text only. */
export interface StructureProps {
  key: string;
  name: string;
}

/**
 * What MapLibre gets for one place (one position holding one or more structures). Only scalars:
 * MapLibre's worker turns array and object properties into strings, so the list of structures at
 * a place stays on the main thread (`MapResults.places`), keyed by `key`.
 */
export interface PlaceProps {
  /** The place's key: the key of its first structure in result order (unique, stable per search). */
  key: string;
  /** How many structures share this position (≥ 1). Clusters sum it (`clusterProperties`). */
  count: number;
}
/** One Point feature per place. */
export type ResultsCollection = FeatureCollection<Point, PlaceProps>;

/** One position of the map and the structures there. */
export interface MapPlace {
  /** Its key: its first structure's key (the feature's `key` and id). */
  readonly key: string;
  /** The structures there, in result order. */
  readonly structures: readonly StructureProps[];
}

/** The results as the map shows them: places for MapLibre, and the lookup the view needs. */
export interface MapResults {
  /** One Point per place, in result order: what MapLibre draws. */
  readonly geojson: ResultsCollection;
  /**
   * Structure key → its place (a selected structure lights up its place). A place's key is a
   * structure key too, so a clicked feature's `key` finds its place here.
   */
  readonly placeOf: ReadonlyMap<string, MapPlace>;
  /** How many structures are on the map (the sum of the places' counts). */
  readonly structureCount: number;
}

/** Strings the view shows itself (its list of the structures at one place, the marker's name). */
export interface MapViewStrings {
  /** Title of the list of the structures at one place: « 3 structures à cette adresse ». */
  placeTitle(count: number): string;
  /** Name of the list's close button. */
  placeClose: string;
  /**
   * Said after the marker's name when its structure shares its place with `others` more
   * (« et 2 autres à cette adresse »): visually hidden, the marker shows "+2".
   */
  markerOthers(others: number): string;
}

/** What is drawn for `criteria.near`: the point searched around and its radius circle. */
export interface NearShapes {
  point: Feature<Point, { label: string }>;
  circle: Feature<Polygon, { radiusKm: number }>;
}

export interface FitOptions {
  padding: number;
  maxZoom: number;
  /** 0 = jump (first display, or `prefers-reduced-motion: reduce`). */
  duration: number;
}

export interface SelectOptions {
  /** Camera move length when the selected point must be brought into view (0 = jump). */
  duration: number;
}

export interface MapViewOptions {
  /** The `basemap` attribute: absent (IGN Plan IGN), `offline`, or a MapLibre style URL. */
  basemap?: string;
  /** MapLibre UI strings (`Map.Title`, `NavigationControl.ZoomIn`…). */
  locale: Record<string, string>;
  /** Attribution texts, per basemap kind. */
  attribution: { default: string; offline: string };
  /** How long the style may take to reach `load` before the offline style replaces it. */
  styleTimeoutMs?: number;
  /** The integrator's main colour (`--sos-color-primary`, or the theme's): points, clusters, search area. */
  primaryColor?: string;
  /** The selected structure's colour (`--sos-color-selected`): its point and its marker must match. */
  selectedColor?: string;
  /** Length of camera moves the view starts itself (cluster click): 0 under reduced motion. */
  motionMs(): number;
  /** The view's own strings, in the element's current language. */
  strings(): MapViewStrings;
  /** A point holding one structure was clicked while not selected. */
  onSelect(key: string): void;
  /**
   * Open a structure's card: its point clicked again once selected, its marker activated (Enter,
   * Space, click), or its name chosen in the list of a place holding several structures.
   */
  onOpen(key: string): void;
}

export interface MapView {
  /** Resolves once the style has loaded and the results source is loaded (never waits for `idle`). */
  readonly ready: Promise<BasemapInUse>;
  readonly basemapInUse: BasemapInUse | undefined;
  readonly map: MapLibreMap | undefined;
  setResults(results: MapResults): void;
  setSelected(key: string | undefined, options: SelectOptions): void;
  setNear(shapes: NearShapes | undefined): void;
  fitBounds(bounds: Bounds, options: FitOptions): void;
  destroy(): void;
}

/**
 * Thrown by `createMapView` when the map cannot start for a reason it has already explained in the
 * console (the page refuses the widget's Trusted Types policy): `<sos-map>` says nothing more.
 */
export class MapUnavailableError extends Error {
  override name = 'MapUnavailableError';
}

export interface MapViewModule {
  /** Throws `MapUnavailableError` when the map cannot start on this page. */
  createMapView(container: HTMLElement, options: MapViewOptions): MapView;
  /** MapLibre's stylesheet, adopted into the element's shadow root. */
  mapCss: string;
}

export type MapViewLoader = () => Promise<MapViewModule>;
