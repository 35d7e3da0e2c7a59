// First: it must be evaluated before Lit (see the module).
import { canRender } from '../../base/lit-policy.js';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { define } from '../../base/define.js';
import { announce, splitList } from '../../base/store-controller.js';
import { WidthController } from '../../base/width-controller.js';
import { toLang } from '../../i18n/format.js';
import { loadCard } from '../sos-structure-card/load-card.js';
import { loadSelection } from '../sos-selection/load-selection.js';
import { storeContext } from '../../state/context.js';
import { DirectoryStore, STORE_CHANGE, type StoreChangeDetail } from '../../state/directory-store.js';
import { FILTER_NAMES, type FilterName, type Filters } from '../../search/criteria.js';
import { styles } from './sos-annuaire.styles.js';
import { strings } from './sos-annuaire.strings.js';
import { afterOverrides, overrides, stringsAttribute } from '../../base/store-element.js';
import type { Overrides } from '../../base/overrides.js';
import '../sos-search-form/sos-search-form.js';
import '../sos-results-list/sos-results-list.js';
import { loadMap } from '../sos-map/load-map.js';
import { whenIdle } from '../../util/scheduling.js';

export type Variant = 'complet' | 'liste' | 'carte';


// The structure card (≈7 kB gzip) is loaded when a visitor opens a result or points at the
// results; the `<sos-structure-card>` rendered below upgrades when it arrives and opens the card
// the store asks for. The map element is loaded when the page is idle after the first render
// (its place is reserved meanwhile), MapLibre itself when the map comes into view.

/** Below this width (of the element itself, not the viewport) list and map share one pane. */
const WIDE_MIN_PX = 760;


/**
 * L'annuaire complet : formulaire de recherche, liste des résultats, carte et fiche de structure,
 * qui partagent un même état.
 *
 * @tagname sos-annuaire
 * @summary Annuaire des soins oncologiques de support, prêt à coller dans une page.
 *
 * @attr src - URL du flux DSRC (`sos-feed/1`) ; plusieurs URL séparées par des espaces ou des virgules.
 * @attr departement - Départements présélectionnés, codes séparés par des virgules (`33,40`).
 * @attr care - Catégories de soins présélectionnées (`activite-physique,nutrition`).
 * @attr subcare - Soins plus précis présélectionnés (`sophrologie`).
 * @attr audience - Publics présélectionnés (`patient`, `proche-aidant`, `professionnel`).
 * @attr age - Âges présélectionnés (`enfant`, `aja`, `adulte`, `personne-agee`).
 * @attr setting - Lieux de soin présélectionnés (`etablissement`, `ville`, `domicile`, `distance`).
 * @attr phase - Phases du parcours présélectionnées (`diagnostic`, `traitement`, `apres-traitement`, `palliatif`).
 * @attr access - Conditions d'accès présélectionnées (`suivis-etablissement`, `non-suivis`, `had`).
 * @attr cost - Coût présélectionné (`gratuit`).
 * @attr pathway - Parcours présélectionnés (`parcours-global-apres-cancer`).
 * @attr mssante - `oui` : seulement ce qui a une adresse de messagerie sécurisée de santé (MSSanté), pour les professionnels.
 * @attr opening - `today` : seulement ce qui est ouvert aujourd'hui (heure de Paris ; flux avec horaires `openingHours`).
 * @attr lock - Fige les présélections et masque leurs filtres ; vide pour toutes les présélections, ou une liste (`care,departement`).
 * @attr lang - `fr` (par défaut) ou `en`.
 * @attr variant - `complet` (par défaut : liste et carte), `liste` (sans carte), `carte` (carte d'abord, liste en dessous).
 * @attr theme - `dsfr` pour l'apparence du Système de design de l'État (DSFR).
 * @attr max-size - Taille maximale d'un flux une fois décompressé, en Mo (par défaut 50) : au-delà, la lecture s'arrête et l'annuaire affiche sa dernière copie ou un message.
 * @attr page-url - L'adresse de la page à donner aux gens (« Signaler une erreur », pied de page imprimé, liens partagés). Par défaut : l'adresse de la page sans ses paramètres ni son ancre (un intranet ne transmet jamais `?patient=…`) ; à renseigner pour un site dont les pages se distinguent par un paramètre (`https://exemple.fr/?page_id=12`).
 * @attr url-state - `off` : l'annuaire n'écrit pas dans l'adresse de la page (pour les sites qui la gèrent eux-mêmes). Par défaut, la recherche, les filtres, la fiche ouverte et « Ma sélection » y sont gardés (paramètres `sos-…`, précédés de l'`id` de l'annuaire quand la page en a plusieurs) : un lien ou un rechargement retrouve la même vue et « Précédent » revient en arrière.
 * @attr basemap - Fond de carte : URL d'un style MapLibre (par défaut : « Plan IGN » de l'IGN).
 * @attr strings - Textes de remplacement, par langue, pour tous les éléments de l'annuaire : un objet JSON `{ "fr": { "clé": "texte" }, "en": { … } }` ; `<élément>.<clé>` pour un seul élément (`sos-structure-card.close`) ; dans un texte calculé, `{0}`, `{1}`… sont les valeurs insérées. Liste des clés : TEXTES.md.
 *
 * @fires sos-loaded - Flux chargés : `{ structures, offers, publishers, stale }`.
 * @fires sos-error - Un flux n'a pas pu être lu, ou sa dernière copie est affichée (serveur lent ou en panne, fichier illisible, trop gros ou vide) : `{ kind, url, message, detail }`.
 * @fires sos-search - Les résultats ont changé : `{ criteria, structures, offers }`.
 * @fires sos-select - Une structure a été sélectionnée ou ouverte : `{ key, structure }`.
 *
 * @csspart layout - La grille qui contient le formulaire, la liste et la carte.
 * @csspart view-switch - Le sélecteur « Liste / Carte », affiché quand l'élément est étroit.
 * @csspart form - Le formulaire de recherche (celui de `<sos-search-form>`).
 * @csspart search-input - Le champ de recherche en texte libre.
 * @csspart near-input - Le champ de commune « Près de ».
 * @csspart filters - Le panneau des filtres.
 * @csspart count - Le nombre de résultats.
 * @csspart result - Un résultat de la liste.
 * @csspart result-button - Le bouton qui ouvre la fiche d'une structure.
 * @csspart notice - Les messages d'état (chargement, données périmées, erreurs).
 * @csspart card - La fiche de structure.
 * @csspart button - Tous les autres boutons.
 *
 * @cssprop --sos-color-primary - Couleur principale (boutons, liens, indicateurs de focus). Par défaut : `#1d4f91`.
 * @cssprop --sos-color-text - Couleur du texte. Par défaut : `#1e1e1e`.
 * @cssprop --sos-color-surface - Couleur de fond. Par défaut : `#ffffff`.
 * @cssprop --sos-color-surface-alt - Couleur de fond secondaire. Par défaut : `#f3f5f8`.
 * @cssprop --sos-color-border - Couleur des bordures des champs et boutons. Par défaut : `#858585`.
 * @cssprop --sos-color-focus - Couleur du contour de focus. Par défaut : `#0a5fd6`.
 * @cssprop --sos-color-border-subtle - Bordures légères : contour des résultats, séparateurs de la fiche (décoratives). Par défaut : `#c9ced6`.
 * @cssprop --sos-color-success-bg - Fond de la pastille « Gratuit ». Par défaut : `#e3f1e6`.
 * @cssprop --sos-color-success-text - Texte de la pastille « Gratuit ». Par défaut : `#1b5e20`.
 * @cssprop --sos-color-warning-bg - Fond des avertissements. Par défaut : `#fff4e0`.
 * @cssprop --sos-color-warning-text - Texte et liseré des avertissements. Par défaut : `#6b3a00`.
 * @cssprop --sos-color-danger - Liseré des messages d'erreur. Par défaut : `#b3261e`.
 * @cssprop --sos-color-danger-bg - Fond du message « annuaire indisponible ». Par défaut : `#fdecea`.
 * @cssprop --sos-color-danger-text - Texte du message « annuaire indisponible ». Par défaut : `#7f1d1d`.
 * @cssprop --sos-color-selected - Structure sélectionnée sur la carte (point, repère, étiquette, ligne en cours). Par défaut : `#c2410c`.
 * @cssprop --sos-color-on-selected - Texte et contour sur la couleur de sélection (« +2 »). Par défaut : `#ffffff`.
 * @cssprop --sos-radius - Arrondi des coins. Par défaut : `6px`.
 * @cssprop --sos-space - Unité d'espacement. Par défaut : `8px`.
 * @cssprop --sos-font-family - Police. Par défaut : la police du système.
 * @cssprop --sos-font-size - Taille de police de base (en px, pas en rem). Par défaut : `16px`.
 * @cssprop --sos-map-height - Hauteur de la carte. Par défaut : `480px`.
 */
export class SosAnnuaire extends LitElement {
  static override styles = styles;
  /** One preset attribute per filter (src/search/filters.ts): `care="nutrition"`, `departement="33,40"`… */
  static override properties = Object.fromEntries(FILTER_NAMES.map((f) => [f, {}]));

  @property() src?: string;
  @property() lock?: string;
  /**
   * Langue de l'interface : `fr` (par défaut) ou `en` ; reflétée sur l'élément pour que les
   * lecteurs d'écran lisent le widget dans sa langue, quelle que soit celle de la page.
   */
  @property({ reflect: true }) override lang = 'fr';
  @property({ reflect: true }) variant: Variant = 'complet';
  @property({ reflect: true }) theme?: string;
  @property() basemap?: string;
  @property({ attribute: 'url-state' }) urlState?: string;
  @property({ attribute: 'max-size', type: Number }) maxSize?: number;
  @property({ attribute: 'page-url' }) pageUrl?: string;
  // Shared with the directory's elements through the store (setStrings); see src/base/overrides.ts.
  @property({ converter: stringsAttribute }) strings?: Overrides;

  /** The shared state (read it to script the directory; `for="id"` elements link to it). */
  readonly store = new DirectoryStore();

  private readonly width = new WidthController(this, WIDE_MIN_PX);
  /** In the narrow layout: which pane is shown. */
  @state() private view: 'liste' | 'carte' = 'liste';

  private readonly onStoreChange = (e: Event) => {
    const { changes } = (e as CustomEvent<StoreChangeDetail>).detail;
    if (changes.has('open') && this.store.openKey) void loadCard();
    if (changes.has('shortlist') && this.store.shortlistOpen) void loadSelection().then(() => this.requestUpdate());
    announce(this, this.store, changes);
  };
  /** The address follows the view (src/state/url-state.ts), once started. */
  private url: { stop(): void } | undefined;

  /**
   * Starts the URL state (unless `url-state="off"`): at once when the address carries this
   * directory's parameters (the view opens as the link says), else when the page is idle.
   */
  private startUrlState(): void {
    if (this.urlState === 'off' || this.url) return;
    const several = this.id && document.querySelectorAll('sos-annuaire').length > 1;
    const prefix = several ? `${this.id}-sos-` : 'sos-';
    const start = () => void import('../../state/url-state.js').then((m) => {
      if (this.url || !this.isConnected || this.urlState === 'off') return;
      const sync = new m.UrlSync(this.store, prefix);
      this.url = sync;
      void sync.start(this.presets);
    });
    if (location.search.includes(prefix)) start();
    else whenIdle(start);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (canRender(this)) this.startUrlState();
  }

  /** Nothing is rendered on a page that refuses Lit's Trusted Types policy (one line of text instead). */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return canRender(this) && super.shouldUpdate(changed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.url?.stop();
    this.url = undefined;
  }

  /** A visitor about to open a card (pointer over, or focus in, the results): fetch its code now. */
  private readonly onIntent = () => void loadCard();

  constructor() {
    super();
    new ContextProvider(this, { context: storeContext, initialValue: this.store });
    this.store.addEventListener(STORE_CHANGE, this.onStoreChange);
  }

  /** With overrides, the first render waits for their code (the elements inside then show them at once). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return afterOverrides(this.strings, () => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) this.store.setLang(toLang(this.lang));
    if (changed.has('pageUrl')) this.store.pageUrl = this.pageUrl;
    if (changed.has('strings')) {
      this.store.setStrings(this.strings);
      overrides?.checkKeys(this.strings, 'sos-annuaire', () => Promise.all([loadCard(), loadSelection(), this.variant !== 'liste' && loadMap()]));
    }
    if (FILTER_NAMES.some((f) => changed.has(f)) || changed.has('lock')) this.applyPresets();
    if (changed.has('src') || changed.has('maxSize')) {
      const urls = splitList(this.src);
      if (urls.length) void this.store.load(urls, { force: changed.has('maxSize') && this.store.status !== 'idle', ...(this.maxSize! > 0 ? { maxBytes: this.maxSize! * 1024 * 1024 } : {}) });
    }
  }

  /** When the element that opened the card is gone (the list re-rendered), focus returns to its result. */
  private readonly onCardClose = (e: CustomEvent<{ key: string | undefined; focusRestored: boolean }>) => {
    if (e.detail.focusRestored || !e.detail.key) return;
    this.renderRoot.querySelector('sos-results-list')?.focusResult(e.detail.key);
  };

  /** The integrator's presets (attributes), as applied. */
  private presets: Partial<Filters> = {};

  private applyPresets(): void {
    const presets: Partial<Filters> = (this.presets = {});
    for (const f of FILTER_NAMES) {
      const v = splitList(this[f]);
      if (v.length) presets[f] = v;
    }
    const lockAll = this.lock !== undefined && (this.lock === '' || this.lock === 'true' || this.lock === 'lock');
    const locked: FilterName[] = lockAll
      ? (Object.keys(presets) as FilterName[])
      : splitList(this.lock).filter((f): f is FilterName => (FILTER_NAMES as readonly string[]).includes(f));
    this.store.setPresets(presets, locked);
  }

  override render() {
    const t = overrides?.localize(this, strings, this.store.lang, this.store.strings) ?? strings[this.store.lang];
    const hasMap = this.variant !== 'liste';
    const showSwitch = hasMap && this.width.narrow;
    const listHidden = showSwitch && this.view === 'carte';
    const mapHidden = showSwitch && this.view === 'liste';
    return html`
      <div part="layout" class="layout ${this.width.narrow ? 'narrow' : 'wide'} variant-${this.variant}">
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
      ${this.store.shortlistOpen || customElements.get('sos-selection') ? html`<sos-selection overlay></sos-selection>` : nothing}
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('variant') && this.variant !== 'liste') whenIdle(() => void loadMap());
  }

  protected override firstUpdated(): void {
    // Setup mistakes (no `src`; an unknown variant, theme, lang or preset code) are found by a small
    // chunk, which follows the element from then on and loads the messages only to say something.
    whenIdle(() => void import('../../base/setup-check.js').then((m) => m.checkSetup(this)));
    const list = this.renderRoot.querySelector('sos-results-list');
    list?.addEventListener('pointerover', this.onIntent, { once: true });
    list?.addEventListener('focusin', this.onIntent, { once: true });
  }
}

// The preset properties declared by `static properties` above, for TypeScript.
export interface SosAnnuaire extends Partial<Record<FilterName, string>> {}

define('sos-annuaire', SosAnnuaire);

declare global {
  interface HTMLElementTagNameMap {
    'sos-annuaire': SosAnnuaire;
  }
}
