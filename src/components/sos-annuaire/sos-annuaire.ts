import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { define } from '../../base/define.js';
import { announce } from '../../base/store-controller.js';
import { storeContext } from '../../state/context.js';
import { DirectoryStore, STORE_CHANGE, type StoreChangeDetail } from '../../state/directory-store.js';
import { FILTER_NAMES, type FilterName, type Filters } from '../../search/criteria.js';
import { styles } from './sos-annuaire.styles.js';
import { strings } from './sos-annuaire.strings.js';
import '../sos-search-form/sos-search-form.js';
import '../sos-results-list/sos-results-list.js';
import '../sos-map/sos-map.js';

export type Variant = 'complet' | 'liste' | 'carte';

/**
 * The structure card is needed only once a visitor opens a result: its code (≈6 kB gzip) is a
 * chunk loaded then, or when they point at the results. The element upgrades when it arrives and
 * opens the card the store asks for. Pages using `<sos-structure-card>` alone import it directly.
 */
let cardLoading: Promise<unknown> | undefined;
function loadCard(): void {
  cardLoading ??= import('../sos-structure-card/sos-structure-card.js');
}

/** Below this width (of the element itself, not the viewport) list and map share one pane. */
const WIDE_MIN_PX = 760;

const list = (value: string | null | undefined): string[] =>
  (value ?? '').split(/[,\s]+/).map((v) => v.trim()).filter(Boolean);

/**
 * The all-in-one directory: search form, results list, map and structure card, sharing one state.
 *
 * @tagname sos-annuaire
 * @summary Annuaire des soins oncologiques de support, prêt à coller dans une page.
 *
 * @attr src - URL of the DSRC feed (`sos-feed/1`); several URLs separated by spaces.
 * @attr departement - Preset département codes, comma-separated (`33,40`).
 * @attr care - Preset care categories (`activite-physique,nutrition`).
 * @attr subcare - Preset finer cares (`sophrologie`).
 * @attr audience - Preset public (`patient`, `proche-aidant`, `professionnel`).
 * @attr age - Preset ages (`enfant`, `aja`, `adulte`, `personne-agee`).
 * @attr setting - Preset places of care (`etablissement`, `ville`, `domicile`, `distance`).
 * @attr phase - Preset phases (`diagnostic`, `traitement`, `apres-traitement`, `palliatif`).
 * @attr access - Preset access (`suivis-etablissement`, `non-suivis`, `had`).
 * @attr cost - Preset cost (`gratuit`).
 * @attr pathway - Preset pathways (`parcours-global-apres-cancer`).
 * @attr lock - Keeps presets fixed and hides their filters; empty for all presets, or a list (`care,departement`).
 * @attr lang - `fr` (default) or `en`.
 * @attr variant - `complet` (default: list and map), `liste` (no map), `carte` (map first, list below).
 * @attr theme - `dsfr` for the French State design system's look.
 * @attr basemap - URL of a MapLibre style for the map (default: IGN Plan IGN).
 *
 * @fires sos-loaded - Feeds loaded: `{ structures, offers, publishers, stale }`.
 * @fires sos-error - A feed could not be read: `{ kind, url, message, detail }`.
 * @fires sos-search - Results changed: `{ criteria, structures, offers }`.
 * @fires sos-select - A structure was selected or opened: `{ key, structure }`.
 *
 * @csspart layout - The grid holding the form, the list and the map.
 * @csspart view-switch - The "Liste / Carte" switch shown when the element is narrow.
 * @csspart form - The search form (from `<sos-search-form>`).
 * @csspart search-input - The free-text search field.
 * @csspart near-input - The "Près de" commune field.
 * @csspart filters - The filter panel.
 * @csspart count - The result count.
 * @csspart result - One result of the list.
 * @csspart result-button - The button that opens a structure's card.
 * @csspart notice - Status notices (loading, stale data, errors).
 * @csspart card - The structure card.
 * @csspart button - Every other button.
 *
 * @cssprop --sos-color-primary - Main colour (buttons, links, focus accents). Default `#1d4f91`.
 * @cssprop --sos-color-text - Text colour. Default `#1e1e1e`.
 * @cssprop --sos-color-surface - Background. Default `#ffffff`.
 * @cssprop --sos-color-surface-alt - Secondary background. Default `#f3f5f8`.
 * @cssprop --sos-color-border - Borders of controls. Default `#858585`.
 * @cssprop --sos-color-focus - Focus ring. Default `#0a5fd6`.
 * @cssprop --sos-radius - Corner radius. Default `6px`.
 * @cssprop --sos-space - Spacing unit. Default `8px`.
 * @cssprop --sos-font-family - Font. Default: the system font.
 * @cssprop --sos-font-size - Base font size (px, not rem). Default `16px`.
 * @cssprop --sos-map-height - Height of the map. Default `480px`.
 */
export class SosAnnuaire extends LitElement {
  static override styles = styles;

  @property() src?: string;
  @property() departement?: string;
  @property() care?: string;
  @property() subcare?: string;
  @property() audience?: string;
  @property() age?: string;
  @property() setting?: string;
  @property() phase?: string;
  @property() access?: string;
  @property() cost?: string;
  @property() pathway?: string;
  @property() lock?: string;
  /** Reflected: assistive technologies read the widget in its own language, whatever the page's. */
  @property({ reflect: true }) override lang = 'fr';
  @property({ reflect: true }) variant: Variant = 'complet';
  @property({ reflect: true }) theme?: string;
  @property() basemap?: string;

  /** The shared state (read it to script the directory; `for="id"` elements link to it). */
  readonly store = new DirectoryStore();

  @state() private narrow = false;
  /** In the narrow layout: which pane is shown. */
  @state() private view: 'liste' | 'carte' = 'liste';

  private resizeObserver?: ResizeObserver;
  private readonly onStoreChange = (e: Event) => {
    const { changes } = (e as CustomEvent<StoreChangeDetail>).detail;
    if (changes.has('open') && this.store.openKey) loadCard();
    announce(this, this.store, changes);
  };
  /** A visitor about to open a card (pointer over, or focus in, the results): fetch its code now. */
  private readonly onIntent = () => loadCard();

  constructor() {
    super();
    new ContextProvider(this, { context: storeContext, initialValue: this.store });
    this.store.addEventListener(STORE_CHANGE, this.onStoreChange);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Decided before the first render, so the narrow layout's switch does not appear later and shift the page.
    const width = this.getBoundingClientRect().width;
    if (width > 0) this.narrow = width < WIDE_MIN_PX;
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      // Next frame: changing the layout inside the observer's callback would loop (and report an error).
      if (width > 0) requestAnimationFrame(() => (this.narrow = width < WIDE_MIN_PX));
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) this.store.lang = this.lang.toLowerCase().startsWith('en') ? 'en' : 'fr';
    if (FILTER_NAMES.some((f) => changed.has(f as keyof SosAnnuaire)) || changed.has('lock')) this.applyPresets();
    if (changed.has('src')) {
      const urls = list(this.src).filter((u) => u !== '');
      if (urls.length) void this.store.load(urls);
    }
  }

  /** When the element that opened the card is gone (the list re-rendered), focus returns to its result. */
  private readonly onCardClose = (e: CustomEvent<{ key: string | undefined; focusRestored: boolean }>) => {
    if (e.detail.focusRestored || !e.detail.key) return;
    this.renderRoot.querySelector('sos-results-list')?.focusResult(e.detail.key);
  };

  private applyPresets(): void {
    const presets: Partial<Filters> = {};
    for (const f of FILTER_NAMES) {
      const v = list(this[f as keyof this] as string | undefined);
      if (v.length) presets[f] = v;
    }
    const lockAll = this.lock !== undefined && (this.lock === '' || this.lock === 'true' || this.lock === 'lock');
    const locked: FilterName[] = lockAll
      ? (Object.keys(presets) as FilterName[])
      : list(this.lock).filter((f): f is FilterName => (FILTER_NAMES as readonly string[]).includes(f));
    this.store.setPresets(presets, locked);
  }

  override render() {
    const t = strings[this.store.lang];
    const hasMap = this.variant !== 'liste';
    const showSwitch = hasMap && this.narrow;
    const listHidden = showSwitch && this.view === 'carte';
    const mapHidden = showSwitch && this.view === 'liste';
    return html`
      <div part="layout" class="layout ${this.narrow ? 'narrow' : 'wide'} variant-${this.variant}">
        <sos-search-form class="form" exportparts="form, search-input, near-input, filters, button"></sos-search-form>
        ${showSwitch
          ? html`<div part="view-switch" class="view-switch" role="group" aria-label=${t.viewSwitch}>
              <button type="button" aria-pressed=${String(this.view === 'liste')} @click=${() => (this.view = 'liste')}>${t.list}</button>
              <button type="button" aria-pressed=${String(this.view === 'carte')} @click=${() => (this.view = 'carte')}>${t.map}</button>
            </div>`
          : nothing}
        <sos-results-list class="list" exportparts="count, result, result-button, notice, button" ?hidden=${listHidden}></sos-results-list>
        ${hasMap ? html`<sos-map class="map" basemap=${this.basemap ?? nothing} ?hidden=${mapHidden}></sos-map>` : nothing}
      </div>
      <sos-structure-card overlay exportparts="card, button" @sos-card-close=${this.onCardClose}></sos-structure-card>
    `;
  }

  protected override firstUpdated(): void {
    const list = this.renderRoot.querySelector('sos-results-list');
    list?.addEventListener('pointerover', this.onIntent, { once: true });
    list?.addEventListener('focusin', this.onIntent, { once: true });
  }
}

define('sos-annuaire', SosAnnuaire);

declare global {
  interface HTMLElementTagNameMap {
    'sos-annuaire': SosAnnuaire;
  }
}
