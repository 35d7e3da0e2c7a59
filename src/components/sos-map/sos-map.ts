import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { define } from '../../base/define.js';
import { StoreController } from '../../base/store-controller.js';
import { langOf } from '../../i18n/format.js';
import type { DirectoryStore } from '../../state/directory-store.js';
import type { BasemapInUse, Bounds, MapView, MapViewLoader, ResultsCollection } from './map-view-api.js';
import { boundsOfResults, resultsToGeoJSON } from './results-geojson.js';
import { circleBounds, nearShapes } from './radius-circle.js';
import { styles } from './sos-map.styles.js';
import { strings } from './sos-map.strings.js';

/** Fit padding (px) and the closest zoom a fit may reach (a single result stays in context). */
export const FIT_PADDING = 40;
export const FIT_MAX_ZOOM = 13;
/** Camera animation length; 0 under `prefers-reduced-motion: reduce`. */
export const MOTION_MS = 600;

/** The only place maplibre-gl is imported: a separate chunk, fetched when the map first shows. */
const loadMapLibreView: MapViewLoader = () => import('./map-view.js');

export interface SosMapReadyDetail {
  basemap: BasemapInUse;
}

/**
 * The map of the results: one clustered WebGL layer for all mapped structures, the selected one
 * as a focusable marker, the proximity search as a circle. MapLibre is loaded only when the map
 * is on the page and visible (and not `hidden`).
 *
 * The map is a companion to the results list, which stays the accessible way through the
 * results: selecting on one side highlights on the other.
 *
 * @tagname sos-map
 * @summary Carte des structures (MapLibre, chargée à l'affichage).
 *
 * @attr src - Standalone use: URL(s) of the feed(s); the map then owns its store.
 * @attr for - Id of the `<sos-annuaire>` whose results to show, when the map is elsewhere on the page.
 * @attr basemap - Map style: absent for IGN "Plan IGN" (Géoplateforme), `offline` for the bundled
 *   outline style, or the URL of any MapLibre style. Falls back to `offline` by itself when the
 *   style cannot be loaded.
 * @attr lang - `fr` (default) or `en`; else the store's language.
 *
 * @fires sos-map-ready - The map and its results are loaded: `{ basemap: 'default' | 'custom' | 'offline' }`.
 *
 * @csspart map - The box MapLibre draws in.
 *
 * @cssprop --sos-map-height - Height of the map (min. 280px). Default `480px`.
 */
export class SosMap extends LitElement {
  static override styles = styles;

  @property() src?: string;
  @property() for?: string;
  @property({ attribute: false }) store?: DirectoryStore;
  @property() basemap?: string;
  /** Loads the MapLibre view module; tests replace it with a fake. */
  @property({ attribute: false }) loadMapView: MapViewLoader = loadMapLibreView;
  /** Integrators/tests: how long the style may take to load before the offline fallback. */
  @property({ attribute: false }) styleTimeoutMs?: number;

  /** Which basemap is shown, once `ready`. */
  @state() basemapInUse: BasemapInUse | undefined;

  protected readonly data = new StoreController(this);

  private view: MapView | undefined;
  private starting = false;
  private intersection: IntersectionObserver | undefined;
  private features: ResultsCollection = { type: 'FeatureCollection', features: [] };
  private resultsDirty = true;
  private selectionDirty = true;
  private firstFit = true;
  private cssAdopted = false;
  private readyDeferred = deferred();

  /** Resolves when the map has loaded and the results are on it. */
  get ready(): Promise<void> {
    return this.readyDeferred.promise;
  }

  /** The MapLibre map, once created. */
  get map(): MapLibreMap | undefined {
    return this.view?.map;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.observeVisibility();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.intersection?.disconnect();
    this.intersection = undefined;
    if (this.view) {
      this.view.destroy();
      this.view = undefined;
      this.basemapInUse = undefined;
      this.readyDeferred = deferred();
      this.resultsDirty = this.selectionDirty = this.firstFit = true;
    }
  }

  /**
   * Starts MapLibre once the element is within 200 px of the viewport and displayed. A `hidden`
   * map (the narrow "Liste" view) never intersects; removing `hidden` makes the observer fire.
   */
  private observeVisibility(): void {
    if (this.view || this.starting) return;
    this.intersection?.disconnect();
    this.intersection = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !this.hidden) void this.startView();
      },
      { rootMargin: '200px' },
    );
    this.intersection.observe(this);
  }

  private async startView(): Promise<void> {
    if (this.view || this.starting) return;
    this.starting = true;
    this.intersection?.disconnect();
    this.intersection = undefined;
    try {
      const module = await this.loadMapView();
      await this.updateComplete;
      if (!this.isConnected) return;
      if (!this.cssAdopted && this.shadowRoot) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(module.mapCss);
        this.shadowRoot.adoptedStyleSheets = [...this.shadowRoot.adoptedStyleSheets, sheet];
        this.cssAdopted = true;
      }
      const t = this.strings;
      const container = this.renderRoot.querySelector<HTMLElement>('.map')!;
      const view = module.createMapView(container, {
        basemap: this.basemap,
        locale: t.maplibre,
        attribution: { default: t.attributionDefault, offline: t.attributionOffline },
        styleTimeoutMs: this.styleTimeoutMs,
        motionMs: () => this.motionMs(),
        onSelect: (key) => this.data.store?.select(key),
        onOpen: (key) => this.data.store?.open(key),
      });
      this.view = view;
      this.resultsDirty = this.selectionDirty = this.firstFit = true;
      this.pushToView();
      const deferredReady = this.readyDeferred;
      view.ready.then(
        (basemap) => {
          if (this.view !== view) return;
          this.basemapInUse = basemap;
          deferredReady.resolve();
          this.dispatchEvent(new CustomEvent<SosMapReadyDetail>('sos-map-ready', { detail: { basemap }, bubbles: true, composed: true }));
        },
        (error: unknown) => console.error('[sos-annuaire] La carte n\'a pas pu être affichée :', error),
      );
    } finally {
      this.starting = false;
    }
  }

  private get strings() {
    return strings[langOf(this, this.data.store?.lang)];
  }

  private motionMs(): number {
    return matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : MOTION_MS;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('for') || changed.has('store')) this.data.resolve();
    const changes = this.data.changes;
    const store = this.data.store;
    if (changes.has('data') || changes.has('results') || changes.has('criteria')) {
      this.features = store ? resultsToGeoJSON(store.results) : { type: 'FeatureCollection', features: [] };
      this.resultsDirty = true;
      this.selectionDirty = true;
    }
    if (changes.has('selection')) this.selectionDirty = true;
    changes.clear();
    if (changed.has('basemap') && this.view) this.restartView();
  }

  protected override updated(): void {
    this.pushToView();
  }

  private restartView(): void {
    this.view?.destroy();
    this.view = undefined;
    this.basemapInUse = undefined;
    this.readyDeferred = deferred();
    void this.startView();
  }

  /** Sends what changed to the map: results and search circle (then fit), selection. */
  private pushToView(): void {
    const view = this.view;
    if (!view) return;
    const near = this.data.store?.criteria.near;
    if (this.resultsDirty) {
      this.resultsDirty = false;
      view.setResults(this.features);
      const shapes = near ? nearShapes(near) : undefined;
      view.setNear(shapes);
      const bounds: Bounds | undefined = shapes ? circleBounds(shapes.circle) : boundsOfResults(this.features);
      if (bounds) {
        view.fitBounds(bounds, { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM, duration: this.firstFit ? 0 : this.motionMs() });
        this.firstFit = false;
      }
    }
    if (this.selectionDirty) {
      this.selectionDirty = false;
      view.setSelected(this.data.store?.selectedKey, { duration: this.motionMs() });
    }
  }

  override render() {
    const t = this.strings;
    const fellBack = this.basemapInUse === 'offline' && this.basemap?.trim() !== 'offline';
    return html`
      <p class="visually-hidden">${this.data.store?.status === 'ready' ? t.summary(this.features.features.length) : ''}</p>
      <div part="map" class="map"></div>
      ${fellBack ? html`<p class="note">${this.basemap?.trim() ? t.fallbackCustom : t.fallbackDefault}</p>` : nothing}
    `;
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

define('sos-map', SosMap);

declare global {
  interface HTMLElementTagNameMap {
    'sos-map': SosMap;
  }
  interface HTMLElementEventMap {
    'sos-map-ready': CustomEvent<SosMapReadyDetail>;
  }
}
