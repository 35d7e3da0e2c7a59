// First: it must be evaluated before Lit (see the module).
import '../../base/lit-policy.js';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { define } from '../../base/define.js';
import { StoreElement } from '../../base/store-element.js';
import type { DirectoryStore } from '../../state/directory-store.js';
import type { Result, ResultGroup } from '../../search/search.js';
import { category, COSTS, offerTitle, STRUCTURE_KINDS } from '../../feed/taxonomy.js';
import type { Offer } from '../../feed/schema.js';
import { safeHref } from '../../feed/sanitize.js';
import { olderThan, OVERDUE_MONTHS } from '../../feed/months-old.js';
import type { Lang } from '../../i18n/format.js';
import { styles } from './sos-results-list.styles.js';
import { strings, type ListStrings } from './sos-results-list.strings.js';

/** Results rendered at first and per "show more": a 10,000-result list never builds 10,000 nodes. */
const PAGE = 30;
/** The live region waits for typing to pause, so a screen reader announces one count, not ten. */
const ANNOUNCE_DELAY_MS = 500;

/**
 * Les résultats : le moyen principal de parcourir l'annuaire, pensé d'abord pour le clavier (la carte
 * ne fait que le compléter).
 *
 * @tagname sos-results-list
 * @summary Liste des structures et des offres qui répondent à la recherche.
 *
 * @attr src - URL du ou des flux, quand la liste est utilisée seule.
 * @attr for - Identifiant d'un `<sos-annuaire>` placé ailleurs dans la page, dont la liste suit les résultats.
 * @attr lang - `fr` ou `en` ; sans cet attribut, la langue de l'annuaire, sinon `fr`.
 * @attr strings - Textes de remplacement de l'élément, par langue (JSON `{ "fr": { "clé": "texte" } }` ; clés : TEXTES.md) ; ils l'emportent sur ceux de l'annuaire.
 *
 * @fires sos-loaded - Flux chargés (liste autonome avec `src` seulement).
 * @fires sos-error - Un flux n'a pas pu être lu (liste autonome avec `src` seulement).
 * @fires sos-search - Les résultats ont changé (liste autonome avec `src` seulement).
 * @fires sos-select - Une structure a été sélectionnée ou ouverte (liste autonome avec `src` seulement).
 *
 * @csspart count - Le décompte affiché (« 12 structures, 19 offres »).
 * @csspart result - Un résultat (une structure et celles de ses offres qui correspondent).
 * @csspart result-button - Le bouton qui ouvre la fiche d'une structure.
 * @csspart button - Tous les autres boutons (« Afficher plus », « Élargir », « Réinitialiser »).
 * @csspart notice - Les messages d'état (chargement, données périmées, erreurs).
 *
 * @cssprop --sos-color-border-subtle - Bordures légères : contour des résultats, séparateurs de la fiche (décoratives). Par défaut : `#c9ced6`.
 * @cssprop --sos-color-success-bg - Fond de la pastille « Gratuit ». Par défaut : `#e3f1e6`.
 * @cssprop --sos-color-success-text - Texte de la pastille « Gratuit ». Par défaut : `#1b5e20`.
 * @cssprop --sos-color-warning-bg - Fond des avertissements. Par défaut : `#fff4e0`.
 * @cssprop --sos-color-warning-text - Texte et liseré des avertissements. Par défaut : `#6b3a00`.
 * @cssprop --sos-color-danger - Liseré des messages d'erreur. Par défaut : `#b3261e`.
 * @cssprop --sos-color-danger-bg - Fond du message « annuaire indisponible ». Par défaut : `#fdecea`.
 * @cssprop --sos-color-danger-text - Texte du message « annuaire indisponible ». Par défaut : `#7f1d1d`.
 */
export class SosResultsList extends StoreElement<ListStrings> {
  protected readonly table = strings;
  protected override readonly english = () => import('./sos-results-list.strings.en.js').then((m) => (strings.en = m.en));
  static override styles = styles;

  @state() private shown = PAGE;
  @state() private announced = '';
  /** « Partager cette recherche » is open. */
  @state() private sharing = false;

  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private lastResults: unknown;
  private lastStatus: unknown;
  /** The language of what the live region says. */
  private announcedLang: Lang | undefined;
  /** The selection changed (on the map): bring it into view once rendered. */
  private revealSelection = false;
  /**
   * The structure the list itself selected (its button got the focus). Not scrolled to: on a
   * touch screen the focus comes with the finger's press, and moving the page then would make
   * the tap land elsewhere (the first tap must open the result).
   */
  private selectedHere: string | undefined;

  /** Moves keyboard focus to a structure's button (e.g. when its card closes). */
  focusResult(key: string): void {
    this.ensureShown(key);
    void this.updateComplete.then(() => this.buttonFor(key)?.focus());
  }

  protected override willUpdate(): void {
    const store = this.data.store;
    if (!store) return;
    if (store.results !== this.lastResults || store.status !== this.lastStatus) {
      if (store.results !== this.lastResults) this.shown = PAGE;
      this.lastResults = store.results;
      this.lastStatus = store.status;
      this.scheduleAnnouncement(store);
    }
    // The language changed (the directory's, or this element's own `lang`): say the count, or
    // the load error, again in that language.
    const lang = this.uiLang;
    if (this.announcedLang !== undefined && lang !== this.announcedLang) this.scheduleAnnouncement(store);
    this.announcedLang = lang;
    this.revealSelection = this.data.changes.has('selection') && !!store.selectedKey && store.selectedKey !== this.selectedHere;
    if (this.revealSelection) this.ensureShown(store.selectedKey!);
  }

  protected override updated(): void {
    const key = this.data.store?.selectedKey;
    if (this.revealSelection && key) {
      // The map selected a structure: bring it into view without stealing focus.
      this.renderRoot.querySelector(`li[data-key="${CSS.escape(key)}"]`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  private scheduleAnnouncement(store: DirectoryStore): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announced = store.status === 'loading' || store.status === 'idle' ? '' : this.countText(store);
    }, ANNOUNCE_DELAY_MS);
  }

  private countText(store: DirectoryStore): string {
    const t = this.t;
    // A feed that could not be loaded: the live region says why, not "no result".
    if (store.status === 'error' && store.errors[0]) return t.loadError(store.errors[0].kind, store.errors[0].status);
    const r = store.results;
    const near = store.criteria.near;
    if (!near) return r.structureCount ? t.counts(r.structureCount, r.offerCount) : t.noResult;
    const count = r.structureCount ? t.countsNear(r.structureCount, r.offerCount, near.radiusKm, near.label) : t.noneNear(near.radiusKm, near.label);
    return r.remoteCount ? `${count.replace(/\.$/, '')} ; ${t.remoteCount(r.remoteCount)}` : count;
  }

  /**
   * Today's hours (« Ouvert aujourd'hui · 9 h – 12 h 30 », « Fermé jusqu'au 5 janvier »), in Paris
   * time, once the opening-hours chunk is here; the feed's free text when there are no
   * machine-readable hours. When the search picked out offers and the first has hours of its own
   * (a workshop on Wednesday afternoons), its line, named, instead of the structure's.
   */
  private renderHours(res: Result, store: DirectoryStore) {
    const s = res.structure;
    const picked = res.offers.length < s.offers.length ? res.offers[0] : undefined;
    const h = store.hours?.resultHours(s, picked, store.now(), this.uiLang);
    const line = h ? h.offer ? this.t.offerHours(offerTitle(h.offer, this.uiLang), h.line) : h.line : s.hours;
    return line ? html`<p class="hours ${h?.state ?? 'text'}">${line}</p>` : nothing;
  }

  /**
   * The MSSanté address, for professionals: when the search picked out offers, the first one's own
   * (an offer's contact takes precedence for it), else the structure's, else a listed offer's own.
   * A value that is not an address (the validator drops those) stays text.
   */
  private renderMssante(res: Result) {
    const own = res.offers.find((o) => o.contact?.mssante)?.contact!.mssante;
    const v = (res.offers.length < res.structure.offers.length && own) || res.structure.contact?.mssante || own;
    const href = safeHref(v, 'mailto');
    return v ? html`<p class="mssante">${this.t.mssante} ${href ? html`<a href=${href}>${v}</a>` : v}</p>` : nothing;
  }

  private selectFromList(store: DirectoryStore, key: string): void {
    this.selectedHere = key;
    store.select(key);
  }

  private ensureShown(key: string): void {
    const all = this.data.store?.results.groups.flatMap((g) => g.results) ?? [];
    const at = all.findIndex((r) => r.structure.key === key);
    if (at >= this.shown) this.shown = Math.ceil((at + 1) / PAGE) * PAGE;
  }

  private buttonFor(key: string): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`li[data-key="${CSS.escape(key)}"] .result-button`);
  }

  override render() {
    const store = this.data.store;
    const t = this.t;
    // The live region exists from the first render on: it is only announced when its text changes.
    const live = html`<p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announced}</p>`;
    if (!store || store.status === 'idle' || (store.status === 'loading' && !store.structures.length)) {
      return this.data.orphan
        ? html`${live}<p class="notice" part="notice">${t.noSource}</p>`
        : html`${live}<p class="notice" part="notice" aria-busy="true">${t.loading}</p>`;
    }
    return html`
      ${live}
      ${this.renderNotices(store, t)}
      ${store.status === 'error' ? nothing : this.renderResults(store, t)}
    `;
  }

  private renderNotices(store: DirectoryStore, t: ListStrings) {
    const stale = store.stale;
    const errors = store.errors;
    return html`
      ${stale ? html`<p class="notice warning" part="notice">${t.stale(stale.generatedAt, stale.error.kind, stale.error.status)}</p>` : nothing}
      ${errors.length
        ? html`<div class="notice ${store.status === 'error' ? 'error' : 'warning'}" part="notice">
            <p>${store.status === 'error' ? t.loadError(errors[0]!.kind, errors[0]!.status) : t.partial(errors.length)}</p>
            <details>
              <summary>${t.technical}</summary>
              <ul>${errors.map((e) => html`<li><code>${e.detail}</code></li>`)}</ul>
            </details>
          </div>`
        : nothing}
    `;
  }

  private renderResults(store: DirectoryStore, t: ListStrings) {
    const r = store.results;
    if (!store.structures.length) return html`<p class="notice" part="notice">${t.noData}</p>`;
    let budget = this.shown;
    const total = r.structureCount + r.remoteCount;
    return html`
      <div class="header">
        <h2 class="count" part="count">${this.heading(store, t)}</h2>
        ${total ? html`<p class="sort">${this.orderText(store, t)}</p>` : nothing}
      </div>
      ${this.renderTools(store, t)}
      ${this.renderUnderstanding(store, t)}
      ${r.structureCount === 0 ? this.renderHelp(store, t) : nothing}
      ${r.groups.map((g) => {
        if (!g.results.length || budget <= 0) return nothing;
        const slice = g.results.slice(0, budget);
        budget -= slice.length;
        return this.renderGroup(g, slice, store, t);
      })}
      ${this.shown < total
        ? html`<button type="button" part="button" class="more" @click=${() => (this.shown += PAGE)}>${t.showMore(Math.min(this.shown, total), total)}</button>`
        : nothing}
    `;
  }

  /** The count: within the radius when a place is chosen (what is near is what is counted). */
  private heading(store: DirectoryStore, t: ListStrings): string {
    const r = store.results;
    const near = store.criteria.near;
    if (!near) return r.structureCount ? t.counts(r.structureCount, r.offerCount) : t.noResult;
    return r.structureCount ? t.countsNear(r.structureCount, r.offerCount, near.radiusKm, near.label) : t.noneNear(near.radiusKm, near.label);
  }

  private orderText(store: DirectoryStore, t: ListStrings): string {
    const place = store.criteria.near?.label ?? store.placeInQuery?.label ?? '';
    switch (store.results.order) {
      case 'relevance': return t.sortedByRelevance;
      case 'relevance-distance': return t.sortedByRelevanceDistance(place);
      case 'distance': return t.sortedByDistance(place);
      default: return t.sortedByName;
    }
  }

  /** A place outside the directory's region; words of the query that meant nothing. */
  private renderUnderstanding(store: DirectoryStore, t: ListStrings) {
    const outside = store.outsideRegion;
    const ignored = store.results.understanding?.ignored ?? [];
    return html`
      ${outside ? html`<p class="notice warning" part="notice">${t.outsideRegion(outside.place, outside.placeRegion, outside.covered)}</p>` : nothing}
      ${ignored.length && store.results.structureCount + store.results.remoteCount ? html`<p class="ignored">${t.ignored(ignored)}</p>` : nothing}
    `;
  }

  private renderGroup(group: ResultGroup, results: Result[], store: DirectoryStore, t: ListStrings) {
    const near = store.criteria.near;
    const title = group.id === 'near' && near ? t.nearGroup(near.radiusKm, near.label) : group.id === 'remote' && near ? t.remoteGroup(near.label) : '';
    const id = `group-${group.id}`;
    return html`
      <section class="group" aria-labelledby=${title ? id : nothing}>
        ${title ? html`<h3 class="group-title" id=${id}>${title}</h3>` : nothing}
        ${group.id === 'remote' ? html`<p class="hint">${t.remoteGroupHint}</p>` : nothing}
        <ul class="results" role="list">
          ${repeat(results, (res) => res.structure.key, (res) => this.renderResult(res, store, t, title ? 4 : 3, group.id === 'remote'))}
        </ul>
      </section>
    `;
  }

  /** `level`: the name's heading level under the count (h2) and the group title (h3), if any. */
  private renderResult(res: Result, store: DirectoryStore, t: ListStrings, level: number, remote = false): TemplateResult {
    const lang = this.uiLang;
    const s = res.structure;
    const selected = store.selectedKey === s.key;
    const offers = res.offers;
    const cares = [...new Set(offers.map((o) => o.care))];
    const free = offers.some((o) => o.cost === 'gratuit');
    const reserved = offers.filter(isReserved).length;
    const why = store.criteria.query ? res.why : undefined;
    return html`
      <li class="result" part="result" data-key=${s.key} aria-current=${selected ? 'true' : nothing}>
        <div class="name" role="heading" aria-level=${level}>
          <button type="button" class="result-button" part="result-button" @click=${() => store.open(s.key)}
            @focus=${() => this.selectFromList(store, s.key)}>${s.name}</button>
        </div>
        ${why ? html`<p class="why">${t.why(why)}</p>` : nothing}
        ${this.renderHours(res, store)}
        <p class="meta">
          <span>${STRUCTURE_KINDS.labels[s.kind]?.[lang] ?? s.kind}</span>
          <span>${s.address.city}${s.department ? ` (${s.department})` : ''}</span>
          ${res.distanceKm !== undefined ? html`<span class="distance">${t.distance(res.distanceKm)}</span>` : nothing}
          ${res.approximate ? html`<span class="approximate">(${t.approximate})</span>` : nothing}
          ${remote ? html`<span class="comes">${offers.some((o) => o.settings.includes('domicile')) ? t.comesHome : t.remote}</span>` : nothing}
          ${!s.location ? html`<span class="unmapped">${t.notMapped}</span>` : nothing}
        </p>
        <ul class="chips" aria-label=${t.chipsLabel}>
          ${cares.map((c) => {
            const def = category(c);
            return html`<li class="chip" data-care=${c}>${def?.short[lang] ?? c}</li>`;
          })}
        </ul>
        ${this.renderMssante(res)}
        <p class="footer">
          ${free ? html`<span class="badge">${COSTS.labels.gratuit[lang]}</span>` : nothing}
          ${reserved ? html`<span class="reserved">${reserved === offers.length ? t.reserved : t.someReserved}</span>` : nothing}
          <span class="verified">${t.verified(s.verifiedAt)}</span>
          ${olderThan(s.verifiedAt, OVERDUE_MONTHS, store.now()) ? html`<strong class="recheck">${t.recheck}</strong>` : nothing}
          ${this.renderPick(store, s.key, s.name, t)}
        </p>
      </li>
    `;
  }

  /**
   * Above the results, with a directory (not a list alone with its own feed): « Ma sélection (n) »
   * once it holds something, and « Partager cette recherche » (its code loads on the first click).
   */
  private renderTools(store: DirectoryStore, t: ListStrings) {
    if (this.data.owns) return nothing;
    const n = store.shortlist.length;
    return html`<div class="tools">
      ${n ? html`<button type="button" class="link" @click=${() => store.showShortlist(true)}>${t.shortlist(n)}</button>` : nothing}
      <button type="button" class="link" aria-expanded=${String(this.sharing)}
        @click=${() => void import('../sos-share/sos-share.js').then(() => (this.sharing = !this.sharing))}>${t.share}</button>
      ${this.sharing
        ? html`<sos-share .url=${store.shareLink?.({}) ?? store.pageAddress} .subject=${t.shareSubject} .text=${this.heading(store, t)} label=${t.share}></sos-share>`
        : nothing}
    </div>`;
  }

  /** « Ajouter à ma sélection » on a result (its name in the button's name, after the visible words). */
  private renderPick(store: DirectoryStore, key: string, name: string, t: ListStrings) {
    if (this.data.owns) return nothing;
    const picked = store.inShortlist(key);
    return html`<button type="button" class="link pick" aria-label=${t.about(picked ? t.unpick : t.pick, name)}
      @click=${() => {
        if (picked) store.removeFromShortlist(key);
        else this.announced = store.addToShortlist(key) ? t.picked(store.shortlist.length) : t.shortlistFull;
      }}>${picked ? t.unpick : t.pick}</button>`;
  }

  private renderHelp(store: DirectoryStore, t: ListStrings) {
    const help = store.results.help;
    if (!help) return nothing;
    const near = store.criteria.near;
    return html`
      <div class="help">
        ${help.relax.length
          ? html`<p>${t.relaxIntro}</p>
              <ul>${help.relax.map((r) => html`<li>${t.relax[r.constraint] ?? r.constraint} (${t.relaxCount(r.structures)})</li>`)}</ul>`
          : nothing}
        <p class="actions">
          ${help.widerRadiusKm && near
            ? html`<button type="button" part="button" class="primary" @click=${() => store.setRadius(help.widerRadiusKm!)}>${t.widen(help.widerRadiusKm)}</button>`
            : nothing}
          <button type="button" part="button" @click=${() => store.reset()}>${t.reset}</button>
        </p>
        ${help.nearest && help.nearest.distanceKm !== undefined
          ? html`<p>${t.nearest(help.nearest.distanceKm)}</p>
              <ul class="results" role="list">${this.renderResult(help.nearest, store, t, 3)}</ul>`
          : nothing}
      </div>
    `;
  }
}

/** An offer only for patients the establishment already treats. */
function isReserved(o: Offer): boolean {
  return !!o.access?.includes('suivis-etablissement') && !o.access.includes('non-suivis');
}

define('sos-results-list', SosResultsList);

declare global {
  interface HTMLElementTagNameMap {
    'sos-results-list': SosResultsList;
  }
}
