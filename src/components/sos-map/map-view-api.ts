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
export const LAYER_NEAR_FILL = 'sos-near-fill';
export const LAYER_NEAR_LINE = 'sos-near-line';
export const LAYER_NEAR_POINT = 'sos-near-point';

/** Which style the map shows: the IGN default, an integrator's `basemap` URL, or the bundled outline style. */
export type BasemapInUse = 'default' | 'custom' | 'offline';

export type LngLatTuple = [lon: number, lat: number];
/** `[[west, south], [east, north]]`. */
export type Bounds = [LngLatTuple, LngLatTuple];

export interface StructureProps {
  key: string;
  name: string;
}
export type ResultsCollection = FeatureCollection<Point, StructureProps>;

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
  /** Length of camera moves the view starts itself (cluster click): 0 under reduced motion. */
  motionMs(): number;
  /** A point was clicked while not selected. */
  onSelect(key: string): void;
  /** The selected point was clicked again, or its marker activated (Enter, Space, click). */
  onOpen(key: string): void;
}

export interface MapView {
  /** Resolves once the style has loaded and the results source is loaded (never waits for `idle`). */
  readonly ready: Promise<BasemapInUse>;
  readonly basemapInUse: BasemapInUse | undefined;
  readonly map: MapLibreMap | undefined;
  setResults(results: ResultsCollection): void;
  setSelected(key: string | undefined, options: SelectOptions): void;
  setNear(shapes: NearShapes | undefined): void;
  fitBounds(bounds: Bounds, options: FitOptions): void;
  destroy(): void;
}

export interface MapViewModule {
  createMapView(container: HTMLElement, options: MapViewOptions): MapView;
  /** MapLibre's stylesheet, adopted into the element's shadow root. */
  mapCss: string;
}

export type MapViewLoader = () => Promise<MapViewModule>;
