/**
 * Everything MapLibre, in one module that `<sos-map>` imports lazily (`import('./map-view.js')`)
 * once the map is on screen. The element talks to it only through `MapView` (map-view-api.ts).
 *
 * - one clustered GeoJSON source for all results (`promoteId: 'key'`), WebGL layers only; one
 *   feature per place (structures at one position are grouped, see results-geojson.ts), clusters
 *   sum the places' structure counts;
 * - the selected structure as the only DOM marker: a `<button>` named after the structure;
 * - a place holding several structures lists them in a Popup (place-list.ts) on a click, or when
 *   the marker of one of them is activated;
 * - the IGN Plan IGN style by default, any style URL, or the bundled offline style; when the
 *   style fails before `load` (error event, or no `load` within `styleTimeoutMs`) the map is
 *   rebuilt on the offline style;
 * - `ready` = `load` + `isSourceLoaded(results)`; `idle` is never awaited (it may never come);
 * - Trusted Types (`require-trusted-types-for 'script'`): the worker URL goes through the widget's
 *   policy (src/base/trusted-types.ts), the credits are built without parsing HTML (attribution.ts).
 */
import {
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  Popup,
  setWorkerUrl,
  type ErrorEvent,
  type ExpressionSpecification,
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
  LAYER_POINT_COUNT,
  LAYER_POINTS,
  SOURCE_NEAR,
  SOURCE_RESULTS,
  type BasemapInUse,
  type Bounds,
  type FitOptions,
  type LngLatTuple,
  MapUnavailableError,
  type MapResults,
  type MapView,
  type MapViewOptions,
  type NearShapes,
  type ResultsCollection,
  type SelectOptions,
} from './map-view-api.js';
import { moduleWorkerURL } from '../../base/trusted-types.js';
import { CreditsControl } from './attribution.js';
import { countFont, offlineStyle } from './offline-style.js';
import { pointClickAction, zoomIntoCluster } from './interactions.js';
import { createPlaceList, initialFocus } from './place-list.js';
import { emptyMapResults } from './results-geojson.js';

export { mapCss };

/** The official French vector basemap (Géoplateforme, IGN), "Plan IGN" standard style. */
export const IGN_STYLE_URL = 'https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json';

/**
 * Builds only: where MapLibre's module worker is, relative to this chunk. Vite's `define` sets
 * `__SOS_MAPLIBRE_WORKER__` (e.g. `"./maplibre-gl-worker.js"`) and a plugin copies the worker
 * there. Unset in the dev server and in tests: MapLibre then finds `maplibre-gl-worker.mjs`
 * beside its own module by itself.
 */
declare const __SOS_MAPLIBRE_WORKER__: string | undefined;
const workerPath = typeof __SOS_MAPLIBRE_WORKER__ === 'string' ? __SOS_MAPLIBRE_WORKER__ : undefined;

/**
 * MapLibre reads its worker URL as a string (`endsWith`, `split`, `new URL()`), then hands it as
 * it is to `new Worker()`. A TrustedScriptURL lent the string methods goes through unchanged, and
 * `new Worker()` accepts it under `require-trusted-types-for 'script'`, where a string is refused.
 */
function asStringForMapLibre(url: object | string): string {
  if (typeof url === 'string') return url;
  const text = String(url);
  const methods = String.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(String.prototype)) {
    const method = methods[name];
    if (typeof method === 'function' && !(name in url)) {
      Object.defineProperty(url, name, { value: (...args: unknown[]) => method.apply(text, args) });
    }
  }
  return url as unknown as string;
}

/** Whether MapLibre may start its workers: set up on the first map (false: the page refuses the widget's Trusted Types policy). */
let workerAllowed: boolean | undefined;

function setUpWorker(): boolean {
  if (workerAllowed === undefined) {
    const url = workerPath ? moduleWorkerURL(new URL(workerPath, import.meta.url).href) : '';
    if (url) setWorkerUrl(asStringForMapLibre(url));
    workerAllowed = url !== undefined;
  }
  return workerAllowed;
}

const FRANCE_CENTER: LngLatTuple = [2.6, 46.6];
const FRANCE_ZOOM = 4.6;
const DEFAULT_STYLE_TIMEOUT_MS = 8000;
const DEFAULT_PRIMARY = '#1d4f91';
/** The selected point's colour when the element passes none (`--sos-color-selected`'s default): orange stands out from any primary. */
const SELECTED = '#c2410c';
const OWN_SOURCES = new Set([SOURCE_RESULTS, SOURCE_NEAR]);
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** Popup offset (px): clears the radius of a place's circle. */
const PLACE_POPUP_OFFSET = 14;
/** MapLibre's popup tip (px), and the gap kept between the list and the map's edge. */
const POPUP_TIP = 10;
const POPUP_MARGIN = 8;
/** The names part of the list never gets smaller than this (px): one and a half names. */
const MIN_NAMES_HEIGHT = 66;

type PlaceFeature = ResultsCollection['features'][number];

/** The open list of the structures at one place. */
interface OpenPlaceList {
  popup: Popup;
  placeKey: string;
  root: HTMLElement;
  structures: readonly { key: string }[];
  /** Where focus goes back when the list closes with focus inside (the marker, else the canvas). */
  returnTo: HTMLElement | undefined;
}

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

  private results: MapResults = emptyMapResults();
  /** Place key → its feature. */
  private placeFeatures = new Map<string, PlaceFeature>();
  private near: NearShapes | undefined;
  private selectedKey: string | undefined;
  private stateKey: string | undefined;
  private lastFit: { bounds: Bounds; options: FitOptions } | undefined;
  private loaded = false;
  private destroyed = false;
  private marker: Marker | undefined;
  private readonly markerButton: HTMLButtonElement;
  private readonly markerName: HTMLSpanElement;
  private readonly markerMore: HTMLSpanElement;
  private readonly markerOthers: HTMLSpanElement;
  private placeList: OpenPlaceList | undefined;

  constructor(private readonly container: HTMLElement, private readonly options: MapViewOptions) {
    [this.markerButton, this.markerName, this.markerMore, this.markerOthers] = this.createMarkerButton();
    // Capture: the marker stops keydown from reaching the map, Escape must still close the list.
    container.addEventListener('keydown', this.onEscape, true);
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
      new CreditsControl({ compact: true, customAttribution: requested.kind === 'default' ? this.options.attribution.default : undefined }),
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
      data: this.results.geojson,
      cluster: true,
      clusterRadius: 50,
      clusterMaxZoom: 13,
      // A cluster counts structures, not places.
      clusterProperties: { count: ['+', ['get', 'count']] },
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
        'circle-radius': ['step', ['get', 'count'], 13, 10, 17, 50, 22, 200, 28, 1000, 34],
        'circle-opacity': 0.9,
        'circle-stroke-width': 2,
        'circle-stroke-color': '#ffffff',
      },
    });
    const font = countFont(map.getStyle());
    if (font) {
      map.addLayer({
        id: LAYER_CLUSTER_COUNT, type: 'symbol', source: SOURCE_RESULTS, filter: ['has', 'point_count'],
        // Structures, not places (full number: the circle grows with it).
        layout: { 'text-field': ['to-string', ['get', 'count']], 'text-font': font, 'text-size': 13, 'text-allow-overlap': true },
        paint: { 'text-color': '#ffffff' },
      });
    }
    // One structure: a filled dot. Several at one place: a ring (white inside, the theme's colour
    // around, bigger), with their number inside when the style has glyphs. Selected: orange.
    const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
    const several: ExpressionSpecification = ['>', ['get', 'count'], 1];
    map.addLayer({
      id: LAYER_POINTS, type: 'circle', source: SOURCE_RESULTS, filter: ['!', ['has', 'point_count']],
      paint: {
        // Several structures at one address: a larger filled dot (the search point is a hollow ring,
        // often at the same place: the two must not look alike).
        'circle-color': ['case', selected, this.options.selectedColor || SELECTED, primary],
        'circle-radius': ['case', several, ['case', selected, 12, 10], ['case', selected, 9, 6]],
        'circle-stroke-width': ['case', several, 3, 2],
        'circle-stroke-color': '#ffffff',
      },
    });
    if (font) {
      map.addLayer({
        id: LAYER_POINT_COUNT, type: 'symbol', source: SOURCE_RESULTS, filter: ['all', ['!', ['has', 'point_count']], several],
        layout: { 'text-field': ['to-string', ['get', 'count']], 'text-font': font, 'text-size': 12, 'text-allow-overlap': true, 'text-ignore-placement': true },
        paint: { 'text-color': '#ffffff' },
      });
    }

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
    const count = this.results.placeOf.get(key)?.structures.length ?? 1;
    const action = pointClickAction(this.selectedKey, key, count);
    // A pointer opened the list: focus stays where it is (the list is reachable with Tab).
    if (action === 'list') this.openPlaceList(key, { focus: false, returnTo: undefined });
    else if (action === 'open') this.options.onOpen(key);
    else this.options.onSelect(key);
  }

  /** The marker (the selected structure): its card, or the list of its place when it shares it. */
  private activateMarker(): void {
    const key = this.selectedKey;
    if (key === undefined) return;
    const place = this.results.placeOf.get(key);
    if (place && place.structures.length > 1) {
      this.openPlaceList(place.key, { focus: true, returnTo: this.markerButton });
    } else {
      this.options.onOpen(key);
    }
  }

  private openPlaceList(placeKey: string, { focus, returnTo }: { focus: boolean; returnTo: HTMLElement | undefined }): void {
    const map = this.map;
    const feature = this.placeFeatures.get(placeKey);
    const structures = this.results.placeOf.get(placeKey)?.structures;
    if (!map || !feature || !structures) return;
    this.closePlaceList();
    const t = this.options.strings();
    const root = createPlaceList({
      title: t.placeTitle(structures.length),
      closeLabel: t.placeClose,
      structures,
      currentKey: this.selectedKey,
      onChoose: (key) => {
        // Close first: focus goes back to the marker (or the canvas), which the card then
        // remembers as the place to return to.
        this.closePlaceList();
        this.options.onOpen(key);
      },
      onClose: () => this.closePlaceList(),
    });
    const popup = new Popup({
      closeButton: false, // ours is in the list, sized and named like the widget's buttons
      focusAfterOpen: false, // focus moves only when the list was opened from the keyboard
      className: 'sos-place-popup',
      maxWidth: '320px',
      offset: PLACE_POPUP_OFFSET,
    })
      .setLngLat(feature.geometry.coordinates as LngLatTuple)
      .setDOMContent(root);
    const open: OpenPlaceList = { popup, placeKey, root, structures, returnTo };
    // A click elsewhere on the map closes it too (MapLibre's closeOnClick).
    popup.on('close', () => {
      if (this.placeList === open) this.placeList = undefined;
    });
    this.placeList = open;
    popup.addTo(map);
    this.fitPlaceList(open);
    if (focus) initialFocus(root)?.focus();
  }

  /**
   * Keeps the list inside the map: its names scroll within the larger room above or below the
   * point, then MapLibre places it again (it puts a popup on the side where it fits).
   */
  private fitPlaceList({ popup, root }: OpenPlaceList): void {
    const map = this.map;
    const names = root.querySelector<HTMLElement>('.sos-place-list');
    if (!map || !names) return;
    const y = map.project(popup.getLngLat()).y;
    const height = map.getContainer().clientHeight;
    const room = Math.max(y, height - y) - PLACE_POPUP_OFFSET - POPUP_TIP - POPUP_MARGIN;
    const head = root.offsetHeight - names.offsetHeight;
    // CSSOM, not a style attribute: allowed under a strict style-src CSP. 14em is the stylesheet's cap.
    names.style.maxHeight = `min(14em, ${Math.max(MIN_NAMES_HEIGHT, Math.floor(room - head))}px)`;
    popup.setLngLat(popup.getLngLat());
  }

  /** Closes the list; when focus was in it, focus goes back to where the list was opened from. */
  private closePlaceList(): void {
    const open = this.placeList;
    if (!open) return;
    this.placeList = undefined;
    const active = (this.container.getRootNode() as Document | ShadowRoot).activeElement;
    const hadFocus = active !== null && open.root.contains(active);
    open.popup.remove();
    if (hadFocus) {
      const target = open.returnTo?.isConnected ? open.returnTo : this.map?.getCanvas();
      target?.focus();
    }
  }

  /** Escape anywhere in the map (the marker, the canvas) closes the list (inside it: place-list.ts). */
  private readonly onEscape = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !this.placeList || this.placeList.root.contains(e.target as Node)) return;
    this.closePlaceList();
    e.preventDefault();
    e.stopPropagation();
  };

  setResults(results: MapResults): void {
    this.results = results;
    this.placeFeatures = new Map(results.geojson.features.map((f) => [f.properties.key, f]));
    const open = this.placeList;
    if (open && !sameKeys(open.structures, results.placeOf.get(open.placeKey)?.structures)) this.closePlaceList();
    if (!this.loaded || !this.map) return;
    this.map.getSource<GeoJSONSource>(SOURCE_RESULTS)?.setData(results.geojson);
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

  /**
   * Feature-state `selected` (on the selected structure's place) and the DOM marker follow
   * `selectedKey`; returns the place's feature if mapped.
   */
  private applySelection(): PlaceFeature | undefined {
    const map = this.map;
    if (!map || !this.loaded) return undefined;
    const key = this.selectedKey;
    const place = key === undefined ? undefined : this.results.placeOf.get(key);
    const placeKey = place?.key;
    const feature = placeKey === undefined ? undefined : this.placeFeatures.get(placeKey);
    if (this.stateKey !== undefined && this.stateKey !== placeKey) {
      map.removeFeatureState({ source: SOURCE_RESULTS, id: this.stateKey }, 'selected');
      this.stateKey = undefined;
    }
    if (!feature || !place || key === undefined) {
      this.marker?.remove();
      this.marker = undefined;
      return undefined;
    }
    map.setFeatureState({ source: SOURCE_RESULTS, id: feature.properties.key }, { selected: true });
    this.stateKey = feature.properties.key;
    const { structures } = place;
    const name = structures.find((s) => s.key === key)?.name ?? '';
    const others = structures.length - 1;
    // Named by its content, so that the visible name starts the accessible one (speech input):
    // "Centre Beta", then "+2" for the eye only and « et 2 autres à cette adresse » for the ear only.
    this.markerName.textContent = name;
    this.markerMore.textContent = others > 0 ? `+${others}` : '';
    this.markerMore.hidden = others === 0;
    this.markerOthers.textContent = others > 0 ? ` ${this.options.strings().markerOthers(others)}` : '';
    if (others > 0) this.markerButton.setAttribute('aria-haspopup', 'dialog');
    else this.markerButton.removeAttribute('aria-haspopup');
    const at = feature.geometry.coordinates as LngLatTuple;
    // Moved, not re-added: Marker.addTo() takes the button out of the page and back, which
    // drops keyboard focus from it (e.g. the card opened from it must find it focused).
    if (this.marker) this.marker.setLngLat(at);
    else this.marker = new Marker({ element: this.markerButton, anchor: 'bottom' }).setLngLat(at).addTo(map);
    return feature;
  }

  /**
   * The one DOM marker: a real button named after the structure; Enter, Space or a click open its
   * card, or the list of its place when other structures share it (then its name says so, and a
   * "+n" shows beside the name). Returns the button, then its name, "+n" and spoken-only parts.
   */
  private createMarkerButton(): [HTMLButtonElement, HTMLSpanElement, HTMLSpanElement, HTMLSpanElement] {
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
    const name = document.createElement('span');
    name.className = 'sos-marker-name';
    const more = document.createElement('span');
    more.className = 'sos-marker-more';
    more.hidden = true;
    more.setAttribute('aria-hidden', 'true'); // said in words by `others`
    const others = document.createElement('span');
    others.className = 'visually-hidden';
    label.append(name, more, others);
    button.append(svg, label);
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      this.activateMarker();
    });
    // Arrows, +/- on the marker must not pan or zoom the map underneath; nor may a press start a drag.
    for (const type of ['keydown', 'mousedown', 'pointerdown', 'touchstart', 'dblclick', 'wheel']) {
      button.addEventListener(type, (e) => e.stopPropagation(), { passive: true });
    }
    return [button, name, more, others];
  }

  private teardownMap(): void {
    this.closePlaceList();
    this.marker?.remove();
    this.marker = undefined;
    this.stateKey = undefined;
    this.loaded = false;
    this.map?.remove();
    this.map = undefined;
  }

  destroy(): void {
    this.destroyed = true;
    this.container.removeEventListener('keydown', this.onEscape, true);
    this.teardownMap();
  }
}

function sameKeys(a: readonly { key: string }[], b: readonly { key: string }[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((s, i) => s.key === b[i]!.key);
}

export function createMapView(container: HTMLElement, options: MapViewOptions): MapView {
  // The refusal is already in the console (trusted-types.ts): the list works without the map.
  if (!setUpWorker()) throw new MapUnavailableError('Trusted Types : politique « sos-annuaire » refusée');
  return new MapLibreView(container, options);
}
