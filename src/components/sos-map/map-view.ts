/**
 * Everything MapLibre, in one module that `<sos-map>` imports lazily (`import('./map-view.js')`)
 * once the map is on screen. The element talks to it only through `MapView` (map-view-api.ts).
 *
 * - one clustered GeoJSON source for all results (`promoteId: 'key'`), WebGL layers only;
 * - the selected structure as the only DOM marker: a `<button>` named after the structure;
 * - the IGN Plan IGN style by default, any style URL, or the bundled offline style; when the
 *   style fails before `load` (error event, or no `load` within `styleTimeoutMs`) the map is
 *   rebuilt on the offline style;
 * - `ready` = `load` + `isSourceLoaded(results)`; `idle` is never awaited (it may never come).
 */
import {
  AttributionControl,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  setWorkerUrl,
  type ErrorEvent,
  type GeoJSONSource,
  type MapLayerMouseEvent,
  type StyleSpecification,
} from 'maplibre-gl';
import mapCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import type { FeatureCollection } from 'geojson';
import {
  LAYER_CLUSTER_COUNT,
  LAYER_CLUSTERS,
  LAYER_NEAR_FILL,
  LAYER_NEAR_LINE,
  LAYER_NEAR_POINT,
  LAYER_POINTS,
  SOURCE_NEAR,
  SOURCE_RESULTS,
  type BasemapInUse,
  type Bounds,
  type FitOptions,
  type LngLatTuple,
  type MapView,
  type MapViewOptions,
  type NearShapes,
  type ResultsCollection,
  type SelectOptions,
} from './map-view-api.js';
import { countFont, offlineStyle } from './offline-style.js';
import { pointClickAction, zoomIntoCluster } from './interactions.js';

export { mapCss };

/** The official French vector basemap (Géoplateforme, IGN), "Plan IGN" standard style. */
export const IGN_STYLE_URL = 'https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json';

/**
 * Builds only: where MapLibre's module worker is, relative to this chunk. Vite's `define` sets
 * `__SOS_MAPLIBRE_WORKER__` (e.g. `"./maplibre-gl-worker.mjs"`) and a plugin copies the worker
 * there. Unset in the dev server and in tests: MapLibre then finds `maplibre-gl-worker.mjs`
 * beside its own module by itself.
 */
declare const __SOS_MAPLIBRE_WORKER__: string | undefined;
const workerPath = typeof __SOS_MAPLIBRE_WORKER__ === 'string' ? __SOS_MAPLIBRE_WORKER__ : undefined;
if (workerPath) setWorkerUrl(new URL(workerPath, import.meta.url).href);

const FRANCE_CENTER: LngLatTuple = [2.6, 46.6];
const FRANCE_ZOOM = 4.6;
const DEFAULT_STYLE_TIMEOUT_MS = 8000;
const DEFAULT_PRIMARY = '#1d4f91';
/** The selected point stays orange whatever the theme: it must stand out from the others. */
const SELECTED = '#c2410c';
const OWN_SOURCES = new Set([SOURCE_RESULTS, SOURCE_NEAR]);
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

interface RequestedStyle {
  kind: BasemapInUse;
  style: string | StyleSpecification;
}

function requestedStyle(basemap: string | undefined, offlineAttribution: string): RequestedStyle {
  const value = basemap?.trim();
  if (!value) return { kind: 'default', style: IGN_STYLE_URL };
  if (value === 'offline') return { kind: 'offline', style: offlineStyle(offlineAttribution) };
  return { kind: 'custom', style: value };
}

function sourceLoaded(map: MapLibreMap, id: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      if (!map.getSource(id) || !map.isSourceLoaded(id)) return false;
      map.off('sourcedata', check);
      map.off('render', check);
      resolve();
      return true;
    };
    if (!check()) {
      map.on('sourcedata', check);
      map.on('render', check);
    }
  });
}

class MapLibreView implements MapView {
  readonly ready: Promise<BasemapInUse>;
  basemapInUse: BasemapInUse | undefined;
  map: MapLibreMap | undefined;

  private results: ResultsCollection = { type: 'FeatureCollection', features: [] };
  private byKey = new Map<string, ResultsCollection['features'][number]>();
  private near: NearShapes | undefined;
  private selectedKey: string | undefined;
  private stateKey: string | undefined;
  private lastFit: { bounds: Bounds; options: FitOptions } | undefined;
  private loaded = false;
  private destroyed = false;
  private marker: Marker | undefined;
  private readonly markerButton: HTMLButtonElement;
  private readonly markerLabel: HTMLSpanElement;

  constructor(private readonly container: HTMLElement, private readonly options: MapViewOptions) {
    [this.markerButton, this.markerLabel] = this.createMarkerButton();
    this.ready = this.start(requestedStyle(options.basemap, options.attribution.offline));
  }

  private async start(requested: RequestedStyle): Promise<BasemapInUse> {
    try {
      await this.createMap(requested);
    } catch (error) {
      if (this.destroyed || requested.kind === 'offline') throw error;
      const url = typeof requested.style === 'string' ? requested.style : '';
      console.warn(`[sos-annuaire] Le fond de carte ${url} n'a pas pu être chargé (${(error as Error)?.message ?? error}) : fond simplifié hors ligne utilisé.`);
      this.teardownMap();
      await this.createMap({ kind: 'offline', style: offlineStyle(this.options.attribution.offline) });
    }
    await sourceLoaded(this.map!, SOURCE_RESULTS);
    return this.basemapInUse!;
  }

  /** Resolves on `load`; rejects on an error (style, tiles, sprite) or a timeout before `load`. */
  private createMap(requested: RequestedStyle): Promise<void> {
    const map = new MapLibreMap({
      container: this.container,
      style: requested.style,
      center: FRANCE_CENTER,
      zoom: FRANCE_ZOOM,
      attributionControl: false,
      cooperativeGestures: true,
      locale: this.options.locale,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    });
    this.map = map;
    this.loaded = false;
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(
      new AttributionControl({ compact: true, customAttribution: requested.kind === 'default' ? this.options.attribution.default : undefined }),
      'bottom-right',
    );

    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const timeoutMs = requested.kind === 'offline' ? 0 : this.options.styleTimeoutMs ?? DEFAULT_STYLE_TIMEOUT_MS;
      const timer = timeoutMs ? setTimeout(() => fail(new Error(`pas de chargement après ${(timeoutMs / 1000).toLocaleString('fr-FR')} s`)), timeoutMs) : undefined;
      const done = () => {
        settled = true;
        clearTimeout(timer);
        map.off('error', onError);
      };
      const fail = (error: { message: string }) => {
        if (settled) return;
        done();
        reject(error);
      };
      const onError = (e: ErrorEvent) => {
        const { sourceId } = e as ErrorEvent & { sourceId?: string };
        if (sourceId && OWN_SOURCES.has(sourceId)) return;
        fail(e.error ?? new Error('erreur inconnue'));
      };
      map.on('error', onError);
      map.once('load', () => {
        if (settled || this.destroyed) return;
        done();
        // After load, a failing tile or sprite only costs detail: say it once, keep the map.
        let warned = false;
        map.on('error', (e) => {
          if (!warned) console.warn(`[sos-annuaire] Carte : ${e.error?.message ?? e}`);
          warned = true;
        });
        this.basemapInUse = requested.kind;
        this.installOverlay(map);
        resolve();
      });
    });
  }

  private installOverlay(map: MapLibreMap): void {
    const primary = this.options.primaryColor || DEFAULT_PRIMARY;
    map.addSource(SOURCE_NEAR, { type: 'geojson', data: this.nearData() });
    map.addSource(SOURCE_RESULTS, {
      type: 'geojson',
      data: this.results,
      cluster: true,
      clusterRadius: 50,
      clusterMaxZoom: 13,
      promoteId: 'key',
    });
    map.addLayer({
      id: LAYER_NEAR_FILL, type: 'fill', source: SOURCE_NEAR, filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': primary, 'fill-opacity': 0.07 },
    });
    map.addLayer({
      id: LAYER_NEAR_LINE, type: 'line', source: SOURCE_NEAR, filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'line-color': primary, 'line-width': 2, 'line-dasharray': [3, 2] },
    });
    map.addLayer({
      id: LAYER_NEAR_POINT, type: 'circle', source: SOURCE_NEAR, filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 6, 'circle-color': '#ffffff', 'circle-stroke-color': primary, 'circle-stroke-width': 3 },
    });
    map.addLayer({
      id: LAYER_CLUSTERS, type: 'circle', source: SOURCE_RESULTS, filter: ['has', 'point_count'],
      paint: {
        // Size says the magnitude (the offline style has no glyphs for counts); colour: the theme's.
        'circle-color': primary,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 50, 22, 200, 28, 1000, 34],
        'circle-opacity': 0.9,
        'circle-stroke-width': 2,
        'circle-stroke-color': '#ffffff',
      },
    });
    const font = countFont(map.getStyle());
    if (font) {
      map.addLayer({
        id: LAYER_CLUSTER_COUNT, type: 'symbol', source: SOURCE_RESULTS, filter: ['has', 'point_count'],
        layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': font, 'text-size': 13, 'text-allow-overlap': true },
        paint: { 'text-color': '#ffffff' },
      });
    }
    map.addLayer({
      id: LAYER_POINTS, type: 'circle', source: SOURCE_RESULTS, filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': ['case', ['boolean', ['feature-state', 'selected'], false], SELECTED, primary],
        'circle-radius': ['case', ['boolean', ['feature-state', 'selected'], false], 9, 6],
        'circle-stroke-width': 2,
        'circle-stroke-color': '#ffffff',
      },
    });

    map.on('click', LAYER_CLUSTERS, (e) => this.onClusterClick(e));
    map.on('click', LAYER_POINTS, (e) => this.onPointClick(e));
    for (const layer of [LAYER_CLUSTERS, LAYER_POINTS]) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }

    this.loaded = true;
    if (this.lastFit) this.applyFit(this.lastFit.bounds, { ...this.lastFit.options, duration: 0 });
    this.applySelection();
  }

  private onClusterClick(e: MapLayerMouseEvent): void {
    const feature = e.features?.[0];
    const clusterId = feature?.properties?.cluster_id;
    if (!this.map || typeof clusterId !== 'number' || feature?.geometry.type !== 'Point') return;
    const source = this.map.getSource<GeoJSONSource>(SOURCE_RESULTS);
    if (!source) return;
    const center = feature.geometry.coordinates as LngLatTuple;
    zoomIntoCluster(source, this.map, clusterId, center, this.options.motionMs()).catch(() => undefined);
  }

  private onPointClick(e: MapLayerMouseEvent): void {
    if (this.markerButton.contains(e.originalEvent.target as Node)) return;
    const key = e.features?.[0]?.properties?.key;
    if (typeof key !== 'string') return;
    if (pointClickAction(this.selectedKey, key) === 'open') this.options.onOpen(key);
    else this.options.onSelect(key);
  }

  setResults(results: ResultsCollection): void {
    this.results = results;
    this.byKey = new Map(results.features.map((f) => [f.properties.key, f]));
    if (!this.loaded || !this.map) return;
    this.map.getSource<GeoJSONSource>(SOURCE_RESULTS)?.setData(results);
    this.applySelection();
  }

  setNear(shapes: NearShapes | undefined): void {
    this.near = shapes;
    if (this.loaded) this.map?.getSource<GeoJSONSource>(SOURCE_NEAR)?.setData(this.nearData());
  }

  private nearData(): FeatureCollection {
    return this.near ? { type: 'FeatureCollection', features: [this.near.circle, this.near.point] } : EMPTY;
  }

  fitBounds(bounds: Bounds, options: FitOptions): void {
    this.lastFit = { bounds, options };
    if (this.loaded) this.applyFit(bounds, options);
  }

  private applyFit(bounds: Bounds, { padding, maxZoom, duration }: FitOptions): void {
    const map = this.map!;
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    const pad = Math.max(0, Math.min(padding, Math.floor(w / 4), Math.floor(h / 4)));
    map.fitBounds(bounds, { padding: pad, maxZoom, duration });
  }

  setSelected(key: string | undefined, { duration }: SelectOptions): void {
    this.selectedKey = key;
    if (!this.loaded) return;
    const feature = this.applySelection();
    if (!feature || !this.map) return;
    // Bring the structure into view when it is off screen (selected from the list).
    const point = this.map.project(feature.geometry.coordinates as LngLatTuple);
    const { clientWidth: w, clientHeight: h } = this.map.getContainer();
    const m = Math.min(40, w / 5, h / 5);
    if (point.x < m || point.y < m || point.x > w - m || point.y > h - m) {
      this.map.easeTo({ center: feature.geometry.coordinates as LngLatTuple, duration });
    }
  }

  /** Feature-state `selected` and the DOM marker follow `selectedKey`; returns its feature if mapped. */
  private applySelection(): ResultsCollection['features'][number] | undefined {
    const map = this.map;
    if (!map || !this.loaded) return undefined;
    const feature = this.selectedKey === undefined ? undefined : this.byKey.get(this.selectedKey);
    if (this.stateKey !== undefined && this.stateKey !== this.selectedKey) {
      map.removeFeatureState({ source: SOURCE_RESULTS, id: this.stateKey }, 'selected');
      this.stateKey = undefined;
    }
    if (!feature) {
      this.marker?.remove();
      this.marker = undefined;
      return undefined;
    }
    map.setFeatureState({ source: SOURCE_RESULTS, id: feature.properties.key }, { selected: true });
    this.stateKey = feature.properties.key;
    this.markerLabel.textContent = feature.properties.name;
    this.marker ??= new Marker({ element: this.markerButton, anchor: 'bottom' });
    this.marker.setLngLat(feature.geometry.coordinates as LngLatTuple).addTo(map);
    return feature;
  }

  /** The one DOM marker: a real button named after the structure; Enter, Space or a click open its card. */
  private createMarkerButton(): [HTMLButtonElement, HTMLSpanElement] {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sos-marker';
    const svgNs = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', '0 0 24 32');
    svg.setAttribute('width', '24');
    svg.setAttribute('height', '32');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.classList.add('sos-marker-pin');
    const path = document.createElementNS(svgNs, 'path');
    path.setAttribute('d', 'M12 0C5.4 0 0 5.3 0 11.9 0 20.8 12 32 12 32s12-11.2 12-20.1C24 5.3 18.6 0 12 0zm0 16.5a4.6 4.6 0 1 1 0-9.2 4.6 4.6 0 0 1 0 9.2z');
    svg.append(path);
    const label = document.createElement('span');
    label.className = 'sos-marker-label';
    button.append(svg, label);
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      if (this.selectedKey !== undefined) this.options.onOpen(this.selectedKey);
    });
    // Arrows, +/- on the marker must not pan or zoom the map underneath; nor may a press start a drag.
    for (const type of ['keydown', 'mousedown', 'pointerdown', 'touchstart', 'dblclick', 'wheel']) {
      button.addEventListener(type, (e) => e.stopPropagation(), { passive: true });
    }
    return [button, label];
  }

  private teardownMap(): void {
    this.marker?.remove();
    this.marker = undefined;
    this.stateKey = undefined;
    this.loaded = false;
    this.map?.remove();
    this.map = undefined;
  }

  destroy(): void {
    this.destroyed = true;
    this.teardownMap();
  }
}

export function createMapView(container: HTMLElement, options: MapViewOptions): MapView {
  return new MapLibreView(container, options);
}
