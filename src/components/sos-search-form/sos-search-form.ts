// First: it must be evaluated before Lit (see the module).
import '../../base/lit-policy.js';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { define } from '../../base/define.js';
import { afterNextPaint, whenIdle } from '../../util/scheduling.js';
import { WidthController } from '../../base/width-controller.js';
import { StoreElement } from '../../base/store-element.js';
import { DEFAULT_RADIUS_KM, FILTER_NAMES, RADII_KM, type FilterName, type Near } from '../../search/criteria.js';
import { FILTERS, type FilterDef, type MaskedFilter } from '../../search/filters.js';
import type { DirectoryStructure } from '../../feed/validate.js';
import { CARE_GROUPS, CATEGORIES, category, type CareGroup, type Label } from '../../feed/taxonomy.js';
/** Département names: a chunk, fetched when the page is idle or the group opens. */
type Departements = typeof import('../../geo/departements.js');
let departements: Departements | undefined;
const loadDepartements = (): Promise<Departements> => import('../../geo/departements.js').then((m) => (departements = m));
import { CommuneCombobox, nearOf, type CommuneChoice } from './commune-combobox.js';
import { checkboxes, disclosure, type Ctx, type FilterOption } from './filter-group.js';
import type { LocateError, LocateFailure } from './geolocate.js';

/** « Autour de moi » is code for a click: loaded then. */
const loadGeolocate = () => import('./geolocate.js');
import { strings, type SearchFormStrings } from './sos-search-form.strings.js';
import { styles } from './sos-search-form.styles.js';

const GROUPS: readonly CareGroup[] = ['socle', 'complementaire', 'autres'];

let nextId = 0;

/** Below this width of the form itself, the filters fold into one disclosure. */
const COMPACT_MAX_PX = 560;

/**
 * Le formulaire de recherche de l'annuaire : texte libre, lieu (commune ou « Autour de moi ») avec
 * un rayon, et les filtres du référentiel de l'INCa, chaque option avec le nombre de structures
 * qu'elle donnerait.
 *
 * @tagname sos-search-form
 * @summary Formulaire de recherche de l'annuaire : texte libre, proximité, filtres du référentiel.
 *
 * @attr src - URL d'un flux, pour utiliser le formulaire seul (il gère alors ses propres données).
 * @attr for - Identifiant du `<sos-annuaire>` que pilote ce formulaire (p. ex. un formulaire dans l'en-tête du site).
 * @attr lang - `fr` (par défaut) ou `en` ; sans cet attribut, la langue de l'annuaire.
 * @attr strings - Textes de remplacement de l'élément, par langue (JSON `{ "fr": { "clé": "texte" } }` ; clés : TEXTES.md) ; ils l'emportent sur ceux de l'annuaire.
 *
 * @fires sos-loaded - Flux chargés (formulaire autonome avec `src` seulement ; dans un annuaire ou relié à un annuaire, c'est l'annuaire qui l'émet).
 * @fires sos-error - Un flux n'a pas pu être lu (formulaire autonome avec `src` seulement).
 * @fires sos-search - Les résultats ont changé (formulaire autonome avec `src` seulement).
 *
 * @csspart form - L'élément `<form>` (la grille qui contient tous les champs).
 * @csspart search-input - Le champ de recherche en texte libre.
 * @csspart near-input - Le champ de commune « Près de ».
 * @csspart listbox - La liste des communes suggérées.
 * @csspart filters - Le panneau des filtres.
 * @csspart button - Tous les boutons (rechercher, effacer, « Autour de moi », « Réinitialiser »).
 * @csspart message - Les messages du formulaire (chargement des communes, localisation refusée…).
 *
 * @cssprop --sos-color-primary - Couleur principale (boutons, indicateurs de focus). Par défaut : `#1d4f91`.
 * @cssprop --sos-color-border - Couleur des bordures des champs. Par défaut : `#858585`.
 * @cssprop --sos-color-surface-alt - Couleur de fond du panneau des filtres. Par défaut : `#f3f5f8`.
 * @cssprop --sos-space - Unité d'espacement. Par défaut : `8px`.
 * @cssprop --sos-color-danger - Liseré des messages d'erreur. Par défaut : `#b3261e`.
 */
export class SosSearchForm extends StoreElement<SearchFormStrings> {
  protected readonly table = strings;
  protected override readonly english = () => import('./sos-search-form.strings.en.js').then((m) => (strings.en = m.en));
  static override styles = styles;

  /** The form's message (polite live region): commune loading, no match, location outcome. */
  @state() private message = '';
  @state() private messageIsError = false;
  @state() private locating = false;
  /** Narrow (the element's own width): the filters fold into one disclosure. */
  private readonly width = new WidthController(this, COMPACT_MAX_PX);
  /** Filter groups the visitor opened: only their options (and counts) are rendered. */
  @state() private openGroups: ReadonlySet<string> = new Set();
  private readonly toggled = (name: string, open: boolean): void => {
    if (this.openGroups.has(name) === open) return;
    if (open && !departements) void loadDepartements().then(() => this.requestUpdate());
    const next = new Set(this.openGroups);
    if (open) next.add(name);
    else next.delete(name);
    this.openGroups = next;
  };
  /** The radius for the next place chosen (the store keeps the current place's). */
  @state() private radiusKm: number = DEFAULT_RADIUS_KM;

  private readonly uid = `sf${++nextId}`;
  private readonly combobox = new CommuneCombobox(this, `${this.uid}-near`, {
    choose: (choice) => this.chooseCommune(choice),
    clear: () => this.clearNear(),
    message: (text) => this.say(text),
  });
  /** The place last shown in the commune field, to follow changes made elsewhere (reset, another form). */
  private shownNear: Near | undefined;
  private departmentsOf: { structures: unknown; codes: string[] } | undefined;
  private exampleOf: { structures: unknown; example: [string, string] | undefined } | undefined;
  private mssanteOf: { structures: unknown; has: boolean } | undefined;
  /** The commune last recognised in the main box (said once). */
  private announcedPlace: string | undefined;

  /**
   * With a filter group open, the form renders after the next paint: while the visitor types, the
   * results list (what they look at) paints first, and the option counts follow in the next
   * frame. With every group closed there are no counts to compute, and it renders at once.
   */
  protected override async scheduleUpdate(): Promise<void> {
    // The first render is not deferred: the form would otherwise push the list down (layout shift).
    if (this.hasUpdated && this.openGroups.size) await afterNextPaint();
    await super.scheduleUpdate();
  }

  protected override willUpdate(): void {
    const proposal = this.data.store?.placeInQuery?.label;
    if (proposal !== this.announcedPlace) {
      this.announcedPlace = proposal;
      if (proposal) this.say(this.t.placeRecognised(proposal));
    }
    const near = this.data.store?.criteria.near;
    if (near !== this.shownNear) {
      if (near?.label !== this.shownNear?.label || !near) this.combobox.setText(near?.label ?? '');
      if (near) this.radiusKm = near.radiusKm;
      this.shownNear = near;
    }
    this.combobox.strings = this.t;
  }

  protected override firstUpdated(): void {
    // The names come before a visitor opens the group, most of the time.
    whenIdle(() => void loadDepartements().then(() => this.requestUpdate()));
  }

  private say(text: string, error = false): void {
    this.message = text;
    this.messageIsError = error && !!text;
  }

  // ---- actions -------------------------------------------------------------------------------

  private onQueryInput(e: InputEvent): void {
    this.data.store?.setQuery((e.target as HTMLInputElement).value);
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault(); // never navigate the host page
    const store = this.data.store;
    if (!store) return;
    const form = e.target as HTMLFormElement;
    const query = form.querySelector<HTMLInputElement>(`#${this.uid}-q`);
    if (query) store.setQuery(query.value);
    void this.combobox.resolveTyped(store.criteria.near?.label);
  }

  private chooseCommune({ label, commune }: CommuneChoice): void {
    this.say(this.t.nearChosen(label));
    this.data.store?.setNear({ ...nearOf(commune, this.radiusKm), label });
  }

  /** The commune typed in the main box becomes the place searched near. */
  private acceptPlace(): void {
    const store = this.data.store;
    const place = store?.placeInQuery;
    if (!store || !place) return;
    store.acceptPlace(this.radiusKm);
    this.say(this.t.nearChosen(store.criteria.near?.label ?? place.label));
    // The button goes away: focus stays in the search box.
    this.renderRoot.querySelector<HTMLInputElement>(`#${this.uid}-q`)?.focus();
  }

  private clearNear(): void {
    if (this.data.store?.criteria.near) this.data.store.setNear(undefined);
  }

  private onRadius(e: Event): void {
    this.radiusKm = Number((e.target as HTMLSelectElement).value);
    this.data.store?.setRadius(this.radiusKm);
  }

  private async aroundMe(): Promise<void> {
    if (this.locating) return;
    const t = this.t;
    this.locating = true;
    this.say(t.locating);
    try {
      const geo = await loadGeolocate();
      const point = await geo.locate();
      const store = this.data.store;
      if (!store) return;
      const near: Near = { label: t.yourPosition, point, radiusKm: this.radiusKm };
      store.setNear(near);
      this.say(t.located);
      // The département keeps the home-care offers of the visitor's département listed.
      void this.combobox.ensureLoaded().then((index) => {
        const commune = index && geo.nearestCommune(index, point);
        if (commune && store.criteria.near?.point === point) {
          const { department, insee, region } = nearOf(commune, this.radiusKm);
          store.setNear({ ...store.criteria.near, department, insee, region });
        }
      });
    } catch (err) {
      // A LocateError says why; anything else (the chunk not loading included) is "unavailable".
      const reason: LocateFailure = (err as Partial<LocateError>).reason ?? 'unavailable';
      this.say(t.locateFailed[reason], true);
    } finally {
      this.locating = false;
    }
  }

  private reset(): void {
    const store = this.data.store;
    if (!store) return;
    store.reset();
    this.combobox.setText('');
    this.say(this.t.resetDone);
    // The button becomes disabled: keep focus somewhere useful.
    this.renderRoot.querySelector<HTMLInputElement>(`#${this.uid}-q`)?.focus();
  }

  private toggle(name: FilterName, code: string, checked: boolean): void {
    const store = this.data.store;
    if (!store) return;
    const current = store.criteria.filters[name];
    store.setFilter(name, checked ? [...new Set([...current, code])] : current.filter((c) => c !== code));
  }

  // ---- filters -------------------------------------------------------------------------------

  private options(name: FilterName, codes: readonly string[], labelOf: (code: string) => string): FilterOption[] {
    const store = this.data.store;
    const selected = store?.criteria.filters[name] ?? [];
    const facet = store?.results.facets[name];
    // A preset may select a code the list does not offer: keep it visible, so it can be unchecked.
    const all = [...codes, ...selected.filter((c) => !codes.includes(c))];
    return all.map((code) => ({ code, label: labelOf(code), count: facet?.get(code) ?? 0, checked: selected.includes(code) }));
  }

  /**
   * The example under « Près de », from the feed: its most frequent town, and the postal code of
   * the next one (« Bordeaux ou 24000 »). Cedex addresses are left out (their codes are not a town's).
   */
  private example(): [string, string] | undefined {
    const structures = this.data.store?.structures ?? [];
    if (this.exampleOf?.structures !== structures) this.exampleOf = { structures, example: townExample(structures) };
    return this.exampleOf.example;
  }

  /** Whether a structure or an offer of the feeds has an MSSanté address (once per feed load). */
  private hasMssante(): boolean {
    const structures = this.data.store?.structures ?? [];
    if (this.mssanteOf?.structures !== structures) {
      this.mssanteOf = { structures, has: structures.some((s) => s.contact?.mssante || s.offers.some((o) => o.contact?.mssante)) };
    }
    return this.mssanteOf.has;
  }

  private departments(): string[] {
    const structures = this.data.store?.structures ?? [];
    if (this.departmentsOf?.structures !== structures) {
      const codes = [...new Set(structures.map((s) => s.department))].sort();
      this.departmentsOf = { structures, codes };
    }
    return this.departmentsOf.codes;
  }

  private checkboxGroup(name: FilterName, options: FilterOption[], legend: string, ctx: Ctx, legendVisible = false) {
    return checkboxes(legend, options, (code, checked) => this.toggle(name, code, checked), ctx, legendVisible);
  }

  private careFilter(ctx: Ctx): TemplateResult {
    const { lang, t } = ctx;
    const groups = () => GROUPS.map((g) => {
      const codes = CATEGORIES.filter((c) => c.group === g).map((c) => c.code);
      return this.checkboxGroup('care', this.options('care', codes, (c) => category(c)?.label[lang] ?? c), CARE_GROUPS[g][lang], ctx, true);
    });
    return disclosure('care', t.care, this.selected('care'), groups, ctx);
  }

  private subcareFilter(ctx: Ctx): TemplateResult {
    const { lang, t } = ctx;
    const cares = this.data.store?.criteria.filters.care ?? [];
    const chosen = CATEGORIES.filter((c) => cares.includes(c.code));
    const content = () => chosen.length
      ? chosen.map((c) => this.checkboxGroup('subcare',
          this.options('subcare', c.subcares.map((s) => s.code), (code) => c.subcares.find((s) => s.code === code)?.label[lang] ?? code),
          c.short[lang], ctx, chosen.length > 1))
      : html`<p class="explain">${t.subcareNeedsCare}</p>`;
    return disclosure('subcare', t.subcare, this.selected('subcare'), content, ctx);
  }

  private selected(name: FilterName): number {
    return this.data.store?.criteria.filters[name].length ?? 0;
  }

  /** One filter's group, from its declaration (filters.ts). */
  private filterGroup(f: FilterDef, ctx: Ctx): TemplateResult {
    const { lang, t } = ctx;
    switch (f.kind) {
      case 'care':
        return this.careFilter(ctx);
      case 'subcare':
        return this.subcareFilter(ctx);
      case 'department': {
        const depts = this.departments();
        return disclosure('departement', t.departement, this.selected('departement'),
          () => depts.length || this.selected('departement')
            ? this.checkboxGroup('departement', this.options('departement', depts, (code) => departements?.departementLabel(code) ?? code), t.departement, ctx)
            : html`<p class="explain">${t.noDepartement}</p>`,
          ctx);
      }
      default: {
        // An enumeration of the offer; « Ouverture » only when the feeds have machine-readable
        // hours, « Pour les professionnels » only when they have an MSSanté address (or a preset chose it).
        const name = f.name as MaskedFilter | 'opening' | 'mssante';
        if (f.kind === 'open' ? !this.data.store?.usesHours : f.kind === 'mssante' && !this.hasMssante() && !this.selected(name)) return html``;
        const labels: Readonly<Record<string, Label>> = f.labels;
        return disclosure(name, t[name], this.selected(name),
          () => this.checkboxGroup(name, this.options(name, (f.kind === 'mask' && f.offered) || f.codes, (c) => labels[c]?.[lang] ?? c), t[name], ctx),
          ctx);
      }
    }
  }

  private renderFilters(ctx: Ctx): TemplateResult {
    const { t } = ctx;
    const locked = this.data.store?.locked ?? new Set<FilterName>();
    const shown = (FILTERS as readonly FilterDef[]).filter((f) => !locked.has(f.name as FilterName));
    const first = shown.filter((f) => f.level === 1).map((f) => this.filterGroup(f, ctx));
    const secondDefs = shown.filter((f) => f.level === 2);
    const second = secondDefs.map((f) => this.filterGroup(f, ctx));
    const secondActive = secondDefs.reduce((n, f) => n + this.selected(f.name as FilterName), 0);
    const panel = html`<div class="first-level">${first}</div>
      ${secondDefs.length
        ? html`<div class="second-level">${disclosure('more', t.more, secondActive, () => html`<div class="more-grid">${second}</div>`, ctx)}</div>`
        : nothing}`;
    // On a phone the filters fold into one "Filtres" disclosure, so the first results show on screen.
    const allActive = FILTER_NAMES.filter((f) => !locked.has(f)).reduce((n, f) => n + this.selected(f), 0);
    return html`<div part="filters" class="filters" role="group" aria-label=${t.filters}>
      ${this.width.narrow ? disclosure('all', t.filters, allActive, () => html`<div class="all-filters">${panel}</div>`, ctx) : panel}
    </div>`;
  }

  // ---- render --------------------------------------------------------------------------------

  override render() {
    // Written out (not `{ lang, t }`): the manifest analyzer takes shorthand properties here for module variables.
    const ctx: Ctx = { lang: this.uiLang, t: this.t, open: this.openGroups, toggled: this.toggled };
    const { t } = ctx;
    const store = this.data.store;
    const near = store?.criteria.near;
    const id = this.uid;
    const example = this.example();
    const proposal = store?.placeInQuery;
    return html`<form part="form" class="form" role="search" aria-label=${t.formLabel} novalidate @submit=${this.onSubmit}>
      <div class="field query">
        <label class="field-label" for="${id}-q">${t.queryLabel}</label>
        <div class="inline">
          <input id="${id}-q" part="search-input" type="search" name="q" autocomplete="off" enterkeyhint="search"
            .value=${live(store?.criteria.query ?? '')} @input=${this.onQueryInput} />
          <button type="submit" part="button" class="primary submit">${t.submit}</button>
        </div>
        ${proposal
          ? html`<p class="place-proposal">
              <button type="button" part="button" class="propose" @click=${this.acceptPlace}>${t.searchNear(proposal.label, this.radiusKm)}</button>
            </p>`
          : nothing}
      </div>

      <div class="field near">
        <div class="near-place">
          <label class="field-label" id="${id}-near-label" for=${this.combobox.inputId}>${t.nearLabel}</label>
          <span class="hint" id="${id}-near-hint">${example ? t.nearHint(...example) : ''}</span>
          ${this.combobox.render(`${id}-near-label`, `${id}-near-hint`, !!(near || this.combobox.text))}
        </div>
        <div class="near-radius">
          <label class="field-label" for="${id}-radius">${t.radiusLabel}</label>
          <select id="${id}-radius" @change=${this.onRadius}>
            ${RADII_KM.map((km) => html`<option value=${km} ?selected=${km === this.radiusKm}>${t.radiusOption(km)}</option>`)}
          </select>
        </div>
        <div class="near-me">
          <button type="button" part="button" class="around-me" aria-disabled=${this.locating ? 'true' : 'false'}
            @click=${() => void this.aroundMe()}>
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><circle cx="12" cy="12" r="4" fill="currentColor"/><path d="M12 1v4M12 19v4M1 12h4M19 12h4" stroke="currentColor" stroke-width="2"/><circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="2"/></svg>
            ${this.locating ? t.locating : t.aroundMe}
          </button>
        </div>
      </div>
      <p part="message" class="message ${this.messageIsError ? 'error' : ''}" role="status">${this.message}</p>

      ${this.renderFilters(ctx)}

      <div class="actions">
        <button type="button" part="button" class="reset" ?disabled=${!store?.isModified} @click=${this.reset}>${t.reset}</button>
      </div>
    </form>`;
  }
}

/** The most frequent town of a feed, and the postal code of the second (see SosSearchForm.example). */
function townExample(structures: readonly DirectoryStructure[]): [string, string] | undefined {
  const towns = new Map<string, { town: string; postalCode: string; n: number }>();
  for (const s of structures) {
    const { city, postalCode } = s.address;
    if (/cedex/i.test(city)) continue;
    const known = towns.get(city);
    if (known) known.n++;
    else towns.set(city, { town: city, postalCode, n: 1 });
  }
  const [first, second] = [...towns.values()].sort((a, b) => b.n - a.n || (a.town < b.town ? -1 : 1));
  return first ? [first.town, (second ?? first).postalCode] : undefined;
}

define('sos-search-form', SosSearchForm);

declare global {
  interface HTMLElementTagNameMap {
    'sos-search-form': SosSearchForm;
  }
}
