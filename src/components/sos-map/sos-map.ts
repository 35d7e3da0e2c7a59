// First: it must be evaluated before Lit (see the module).
import '../../base/lit-policy.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { define } from '../../base/define.js';
import { deferred } from '../../util/scheduling.js';
import { StoreElement } from '../../base/store-element.js';
import type { SosEventMap } from '../../base/events.js';
import { FIT_MAX_ZOOM, FIT_PADDING, MOTION_MS, MapUnavailableError, type BasemapInUse, type Bounds, type MapResults, type MapView, type MapViewLoader } from './map-view-api.js';
import { boundsOfResults, emptyMapResults, resultsToGeoJSON } from './results-geojson.js';
import { circleBounds, nearShapes } from './radius-circle.js';
import { styles } from './sos-map.styles.js';
import { strings } from './sos-map.strings.js';
import type { Lang } from '../../i18n/format.js';


/** The only place maplibre-gl is imported: a separate chunk, fetched when the map first shows. */
const loadMapLibreView: MapViewLoader = () => import('./map-view.js');

/** The map could not start or load: the list still works; said in the console unless already said. */
function reportMapFailure(error: unknown): void {
  if (!(error instanceof MapUnavailableError)) console.error('[sos-annuaire] La carte n\'a pas pu être affichée :', error);
}

export type SosMapReadyDetail = SosEventMap['sos-map-ready'];

/**
 * La carte des résultats : une seule couche WebGL, avec regroupement, pour toutes les structures
 * localisées, la structure sélectionnée en marqueur focalisable, la recherche de proximité en
 * cercle. MapLibre n'est chargé (et le fond de carte demandé) que lorsque la carte est dans la page,
 * visible (sans `hidden`) et que son annuaire a une source de données.
 *
 * La carte accompagne la liste des résultats, qui reste le moyen accessible de les parcourir :
 * une sélection d'un côté est mise en évidence de l'autre.
 *
 * Les structures à la même adresse forment un seul point (un anneau, avec leur nombre quand le
 * fond de carte a des polices) : un clic dessus, ou Entrée sur le marqueur de l'une d'elles, en
 * donne la liste, dont chaque nom ouvre la fiche. Les regroupements comptent les structures.
 *
 * @tagname sos-map
 * @summary Carte des structures (MapLibre, chargée à l'affichage).
 *
 * @attr src - Utilisation autonome : URL du ou des flux ; la carte gère alors ses propres données.
 * @attr for - Identifiant du `<sos-annuaire>` dont la carte montre les résultats, quand elle est ailleurs dans la page.
 * @attr basemap - Fond de carte : absent pour le « Plan IGN » de l'IGN (Géoplateforme), `offline`
 *   pour le style de contours intégré, ou l'URL de n'importe quel style MapLibre. Passe de lui-même
 *   à `offline` quand le style ne peut pas être chargé.
 * @attr lang - Langue de la carte : `fr` ou `en` ; sans cet attribut, celle de l'annuaire, sinon `fr`.
 * @attr strings - Textes de remplacement de l'élément, par langue (JSON `{ "fr": { "clé": "texte" } }` ; clés : TEXTES.md) ; ils l'emportent sur ceux de l'annuaire.
 *
 * @fires sos-map-ready - La carte et ses résultats sont chargés : `{ basemap: 'default' | 'custom' | 'offline' }`.
 * @fires sos-loaded - Flux chargés (carte autonome avec `src` seulement).
 * @fires sos-error - Un flux n'a pas pu être lu (carte autonome avec `src` seulement).
 * @fires sos-select - Une structure a été sélectionnée sur la carte (carte autonome avec `src` seulement).
 *
 * @csspart map - Le cadre dans lequel MapLibre dessine la carte.
 *
 * @cssprop --sos-map-height - Hauteur de la carte (280px au minimum). Par défaut : `480px`.
 * @cssprop --sos-color-primary - Couleur des points, des groupes et de la zone de recherche. Par défaut : `#1d4f91`.
 * @cssprop --sos-color-selected - Structure sélectionnée sur la carte (point, repère, étiquette, ligne en cours). Par défaut : `#c2410c`.
 * @cssprop --sos-color-on-selected - Texte et contour sur la couleur de sélection (« +2 »). Par défaut : `#ffffff`.
 */
export class SosMap extends StoreElement<(typeof strings)['fr']> {
  protected readonly table = strings;
  static override styles = styles;

  @property() basemap?: string;
  /** Loads the MapLibre view module; tests replace it with a fake. */
  @property({ attribute: false }) loadMapView: MapViewLoader = loadMapLibreView;
  /** Integrators/tests: how long the style may take to load before the offline fallback. */
  @property({ attribute: false }) styleTimeoutMs?: number;

  /** Which basemap is shown, once `ready`. */
  @state() basemapInUse: BasemapInUse | undefined;


  private view: MapView | undefined;
  private starting = false;
  private intersection: IntersectionObserver | undefined;
  /** Within 200 px of the viewport, as the observer last said. */
  private inView = false;
  /** The language MapLibre's controls and the attribution were given (set once, at creation). */
  private viewLang: Lang | undefined;
  /** The mapped results: one feature per place, and which structures are at each. */
  private results: MapResults = emptyMapResults();
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
    this.inView = false;
    if (this.view) {
      this.view.destroy();
      this.view = undefined;
      this.basemapInUse = undefined;
      this.readyDeferred = deferred();
      this.resultsDirty = this.selectionDirty = this.firstFit = true;
    }
  }

  /**
   * Starts MapLibre once the element is within 200 px of the viewport and displayed, and its
   * directory has a source. A `hidden` map (the narrow "Liste" view) never intersects; removing
   * `hidden` makes the observer fire. A directory without a feed (no `src` yet: a setup mistake,
   * or a page that sets it later) asks nothing of MapLibre nor of the basemap's server.
   */
  private observeVisibility(): void {
    if (this.view || this.starting) return;
    this.intersection?.disconnect();
    this.intersection = new IntersectionObserver(
      (entries) => {
        this.inView = entries.some((e) => e.isIntersecting);
        this.startWhenWanted();
      },
      { rootMargin: '200px' },
    );
    this.intersection.observe(this);
  }

  private startWhenWanted(): void {
    const status = this.data.store?.status;
    if (this.inView && !this.hidden && status !== undefined && status !== 'idle') void this.startView();
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
      const t = this.t;
      this.viewLang = this.uiLang;
      const container = this.renderRoot.querySelector<HTMLElement>('.map')!;
      const view = module.createMapView(container, {
        basemap: this.basemap,
        locale: t.maplibre,
        attribution: { default: t.attributionDefault, offline: t.attributionOffline },
        styleTimeoutMs: this.styleTimeoutMs,
        // The resolved theme colour (WebGL paints need a value, not a CSS variable).
        primaryColor: getComputedStyle(this).getPropertyValue('--_primary').trim() || undefined,
        selectedColor: getComputedStyle(this).getPropertyValue('--_selected').trim() || undefined,
        motionMs: () => this.motionMs(),
        strings: () => this.t,
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
          this.emit('sos-map-ready', { basemap });
        },
        reportMapFailure,
      );
    } catch (error) {
      // No map (its code could not be fetched, no WebGL, Trusted Types refused): the frame stays empty.
      reportMapFailure(error);
    } finally {
      this.starting = false;
    }
  }

  private motionMs(): number {
    return matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : MOTION_MS;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const changes = this.data.changes;
    const store = this.data.store;
    if (changes.has('data') || changes.has('results') || changes.has('criteria')) {
      this.results = store ? resultsToGeoJSON(store.results) : emptyMapResults();
      this.resultsDirty = true;
      this.selectionDirty = true;
    }
    if (changes.has('selection')) this.selectionDirty = true;
    // MapLibre takes its controls' words and the attribution at creation: a new basemap, language
    // or set of strings makes a new map (the results and selection are pushed to it again).
    if (this.view && (changed.has('basemap') || changed.has('strings') || this.uiLang !== this.viewLang)) this.restartView();
  }

  protected override updated(): void {
    if (!this.view && !this.starting) this.startWhenWanted();
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
      view.setResults(this.results);
      const shapes = near ? nearShapes(near) : undefined;
      view.setNear(shapes);
      const bounds: Bounds | undefined = shapes ? circleBounds(shapes.circle) : boundsOfResults(this.results.geojson);
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
    const t = this.t;
    const fellBack = this.basemapInUse === 'offline' && this.basemap?.trim() !== 'offline';
    const { structureCount, geojson } = this.results;
    return html`
      <p class="visually-hidden">${this.data.store?.status === 'ready' ? t.summary(structureCount, geojson.features.length) : ''}</p>
      <div part="map" class="map"></div>
      ${fellBack ? html`<p class="note">${this.basemap?.trim() ? t.fallbackCustom : t.fallbackDefault}</p>` : nothing}
    `;
  }
}

define('sos-map', SosMap);

declare global {
  interface HTMLElementTagNameMap {
    'sos-map': SosMap;
  }
}
