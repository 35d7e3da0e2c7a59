// First: it must be evaluated before Lit (see the module).
import '../../base/lit-policy.js';
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { deepActiveElement } from '../../base/focus.js';
import { define } from '../../base/define.js';
import { StoreElement } from '../../base/store-element.js';
import type { SosEventMap } from '../../base/events.js';
import type { DirectoryStructure } from '../../feed/validate.js';
import type { Contact, Offer } from '../../feed/schema.js';
import { safeHref } from '../../feed/sanitize.js';
import { NON_CONVENTIONAL_NOTICE, STRUCTURE_KINDS } from '../../feed/taxonomy.js';
import { formatDate } from '../../i18n/format.js';
import { styles } from './sos-structure-card.styles.js';
import { strings, type CardStrings } from './sos-structure-card.strings.js';
import { groupOffers, isNonConventional, offerRows, offerTitle, type Row } from './offer-details.js';
import { directionsLinks } from './directions-links.js';
import { publisherOf, reportLink } from './trust.js';
import { freshness, parisDate } from '../../feed/freshness.js';
import { printCopy } from './print.js';
import { SHORTLIST_MAX } from '../../state/directory-store.js';
import { areaServed, closureNotice, howToActions, languageNames, needsHours, timetable, type Action, type Timetable } from './practical.js';
import { loadCommunesModule, loadHoursModule, type CommunesModule, type HoursModule } from '../../state/chunks.js';
import type { CommuneIndex } from '../../geo/communes.js';
import '../sos-share/sos-share.js';

export type CardCloseDetail = SosEventMap['sos-card-close'];

/**
 * Tout ce que l'annuaire sait d'une structure : coordonnées, itinéraire, accès, horaires
 * d'ouverture et ses offres de soins de support regroupées par catégorie, avec la date de leur
 * dernière vérification.
 *
 * Trois façons de l'utiliser :
 * - dans `<sos-annuaire>` avec `overlay` : une boîte de dialogue modale qui montre la structure
 *   ouverte par le visiteur (`store.openKey`) ; Échap ou « Fermer » la ferme et le focus revient
 *   là où il était ;
 * - seule dans une page : `<sos-structure-card src="feed.json" structure-id="chu-bordeaux">` ;
 * - par script : renseigner la propriété `structure` (elle prime sur les données de l'annuaire ;
 *   avec `overlay`, la renseigner ouvre la boîte de dialogue et la fermer la vide).
 *
 * @tagname sos-structure-card
 * @summary Fiche d'une structure : coordonnées, itinéraire, offres de soins de support, fraîcheur des données.
 *
 * @attr src - URL d'un flux DSRC (`sos-feed/1`), pour une fiche utilisée seule dans une page.
 * @attr structure-id - L'`id` de la structure dans le flux (ou sa clé `publisher:id`).
 * @attr for - L'`id` d'un `<sos-annuaire>` placé ailleurs dans la page, dont la fiche affiche les données.
 * @attr overlay - Affiche la fiche en boîte de dialogue modale tant qu'une structure est ouverte (utilisé par `<sos-annuaire>`).
 * @attr lang - `fr` (par défaut) ou `en` ; dans un annuaire, la langue de l'annuaire.
 * @attr strings - Textes de remplacement de l'élément, par langue (JSON `{ "fr": { "clé": "texte" } }` ; clés : TEXTES.md) ; ils l'emportent sur ceux de l'annuaire.
 * @attr theme - `dsfr` pour l'apparence du Système de design de l'État (DSFR).
 *
 * @fires sos-loaded - Flux chargés (fiche autonome avec `src` seulement).
 * @fires sos-error - Un flux n'a pas pu être lu (fiche autonome avec `src` seulement).
 * @fires sos-card-close - La boîte de dialogue s'est fermée : `{ key, focusRestored }` (`bubbles`,
 *   `composed`). Si `focusRestored` vaut `false`, l'élément qui avait ouvert la fiche n'existe plus :
 *   placez le focus sur sa nouvelle copie.
 *
 * @csspart card - La fiche (un `<article>`).
 * @csspart dialog - La boîte de dialogue modale `<dialog>`, avec `overlay`.
 * @csspart button - Les boutons « Imprimer » et « Fermer ».
 *
 * @cssprop --sos-color-primary - Couleur des liens et des boutons. Par défaut : `#1d4f91`.
 * @cssprop --sos-color-text - Couleur du texte. Par défaut : `#1e1e1e`.
 * @cssprop --sos-color-surface - Couleur de fond. Par défaut : `#ffffff`.
 * @cssprop --sos-color-warning-bg - Couleur de fond des avertissements (informations à vérifier, fermeture, mention « Pratique non conventionnelle »). Par défaut : `#fff4e0`.
 * @cssprop --sos-color-warning-text - Couleur du texte des avertissements. Par défaut : `#6b3a00`.
 * @cssprop --sos-color-danger - Liseré de l'avertissement « informations non confirmées depuis plus de 14 mois ». Par défaut : `#b3261e`.
 * @cssprop --sos-color-danger-bg - Fond de cet avertissement. Par défaut : `#fdecea`.
 * @cssprop --sos-color-danger-text - Texte de cet avertissement. Par défaut : `#7f1d1d`.
 * @cssprop --sos-color-border-subtle - Bordures légères : contour des résultats, séparateurs de la fiche (décoratives). Par défaut : `#c9ced6`.
 * @cssprop --sos-color-success-bg - Fond de la pastille « Gratuit ». Par défaut : `#e3f1e6`.
 * @cssprop --sos-color-success-text - Texte de la pastille « Gratuit ». Par défaut : `#1b5e20`.
 * @cssprop --sos-font-size - Taille de police de base (en px, pas en rem). Par défaut : `16px`.
 */
export class SosStructureCard extends StoreElement<CardStrings> {
  protected readonly table = strings;
  static override styles = styles;

  @property({ attribute: 'structure-id' }) structureId?: string;
  @property({ type: Boolean, reflect: true }) overlay = false;
  /** A structure to show, overriding the store. */
  @property({ attribute: false }) structure?: DirectoryStructure;


  @query('dialog') private dialog?: HTMLDialogElement;
  @query('article.card') private card?: HTMLElement;
  @query('h2') private heading?: HTMLElement;

  /** The opening-hours chunk, once a shown structure needs it (its feed uses hours). */
  @state() private hours?: HoursModule;
  /** Commune names, once a shown offer serves a list of communes. */
  @state() private communes?: { index: CommuneIndex; module: CommunesModule };

  /** Focused before the overlay opened; focus goes back there on close. */
  private returnFocus: Element | null = null;
  private openedKey: string | undefined;

  /** What the card shows now. */
  get current(): DirectoryStructure | undefined {
    if (this.structure) return this.structure;
    const store = this.data.store;
    if (!store) return undefined;
    if (!this.overlay && this.structureId) return store.structureById(this.structureId);
    return store.structure(store.openKey);
  }

  protected override willUpdate(): void {
    const s = this.current;
    if (!s) return;
    this.hours ??= this.data.store?.hours;
    if (!this.hours && needsHours(s)) void loadHoursModule().then((m) => (this.hours = m), () => undefined);
    if (!this.communes && s.offers.some((o) => o.serviceArea?.communes)) {
      void loadCommunesModule()
        .then(async (module) => (this.communes = { index: await module.loadCommunes(), module }))
        .catch(() => undefined); // the count of communes stays
    }
  }

  /** The page's address for people: the directory's (see DirectoryStore.pageAddress), or this page's without its query. */
  private get pageAddress(): string {
    return this.data.store?.pageAddress ?? `${location.origin}${location.pathname}`;
  }

  /** What "now" is for opening hours and freshness: the store's clock (fixed in tests and previews). */
  private now(): number {
    return this.data.store?.now() ?? Date.now();
  }

  protected override updated(): void {
    if (!this.overlay) return;
    const dialog = this.dialog;
    if (!dialog) return;
    const s = this.current;
    if (s && !dialog.open) {
      this.returnFocus = deepActiveElement();
      this.openedKey = s.key;
      dialog.showModal();
      this.heading?.focus();
    } else if (s && dialog.open) {
      this.openedKey = s.key;
    } else if (!s && dialog.open) {
      dialog.close();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialog?.open) this.dialog.close();
  }

  /** Closes the overlay (same as "Fermer"). */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  /** Prints a clean handout of the card (see print.ts). Returns the print document. */
  print(): Document | undefined {
    const s = this.current;
    const card = this.card;
    if (!s || !card) return undefined;
    const t = this.t;
    const today = parisDate(this.now());
    return printCopy(card, {
      lang: this.uiLang,
      title: t.printTitle(s.name),
      footer: t.printedFrom(formatDate(today, this.uiLang), this.pageAddress),
    });
  }

  /** Every way the dialog closes (Escape, "Fermer", backdrop, store.close()) ends here. */
  private readonly onDialogClose = (): void => {
    const key = this.openedKey;
    this.openedKey = undefined;
    const store = this.data.store;
    if (this.structure) this.structure = undefined;
    if (store?.openKey !== undefined) store.close();
    const target = this.returnFocus as (HTMLElement | null);
    this.returnFocus = null;
    let focusRestored = false;
    if (target?.isConnected && typeof target.focus === 'function') {
      target.focus();
      focusRestored = deepActiveElement() === target;
    }
    this.emit('sos-card-close', { key, focusRestored });
  };

  /** A click on the backdrop lands on the dialog itself (its content fills it). */
  private readonly onDialogClick = (e: MouseEvent): void => {
    if (e.target === this.dialog) this.dialog?.close();
  };

  override render() {
    const s = this.current;
    const t = this.t;
    if (this.overlay) {
      return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onDialogClose} @click=${this.onDialogClick}>
        ${s ? this.renderCard(s, t) : nothing}
      </dialog>`;
    }
    if (s) return this.renderCard(s, t);
    const store = this.data.store;
    // Used alone with no source (no src, for or enclosing annuaire): said, as the list does.
    if (this.data.orphan) return html`<p class="status" role="status">${t.noSource}</p>`;
    if (!store || !this.structureId) return nothing;
    if (store.status === 'loading' || store.status === 'idle') return html`<p class="status" role="status">${t.loading}</p>`;
    if (store.status === 'error') return html`<p class="status" role="alert">${t.loadError}</p>`;
    return html`<p class="status" role="alert">${t.notFound(this.structureId)}</p>`;
  }

  /**
   * The offers of `s` that the visitor's search matched, most relevant first: the card shows them
   * first. None when nothing is searched (or the structure is not in the results).
   */
  private matchedOffers(s: DirectoryStructure): Offer[] {
    const store = this.data.store;
    if (!store || this.structure || !store.isModified) return [];
    for (const g of store.results.groups) {
      const hit = g.results.find((r) => r.structure.key === s.key);
      if (hit) return hit.offers.length < s.offers.length || store.criteria.query ? hit.offers : [];
    }
    return [];
  }

  private renderCard(s: DirectoryStructure, t: CardStrings): TemplateResult {
    const lang = this.uiLang;
    const matched = this.matchedOffers(s);
    return html`
      <article part="card" class="card" aria-labelledby="title" lang=${lang}>
        <header class="top">
          <div class="title">
            <h2 id="title" tabindex=${this.overlay ? '-1' : nothing}>${s.name}</h2>
            <p class="kind">${STRUCTURE_KINDS.labels[s.kind]?.[lang] ?? s.kind}</p>
          </div>
          <div class="actions">
            <button part="button" type="button" aria-label=${t.printLabel(s.name)} @click=${() => this.print()}>${t.print}</button>
            ${this.renderPick(s.key, undefined, s.name, t)}
            ${this.overlay
              ? html`<button part="button" type="button" class="primary" aria-label=${t.closeLabel} @click=${() => this.close()}>${t.close}</button>`
              : nothing}
          </div>
        </header>
        ${this.renderFreshness(s, t)}
        ${s.description ? html`<p class="description">${s.description}</p>` : nothing}
        ${this.renderClosure(s)}

        <section class="contact" aria-labelledby="contact-title">
          <h3 id="contact-title">${t.contactDetails}</h3>
          <dl>
            <div class="row-address">
              <dt>${t.address}</dt>
              <dd>
                <address>${s.address.line ? html`${s.address.line}<br />` : nothing}${s.address.postalCode} ${s.address.city}</address>
                ${this.renderDirections(s, t)}
              </dd>
            </div>
            ${this.renderContactRows(s.contact, t)}
            <div class="row-wheelchair">
              <dt>${t.wheelchair}</dt>
              <dd>
                ${s.accessibility?.wheelchair === true ? t.wheelchairYes : s.accessibility?.wheelchair === false ? t.wheelchairNo : t.wheelchairUnknown}
                ${this.renderAcceslibre(s, t)}
              </dd>
            </div>
            ${this.renderHours(s.openingHours, s.hours, s, t)}
            ${s.languages?.length
              ? html`<div class="row-languages"><dt>${t.languages} <span class="pro">(${t.languagesNote})</span></dt><dd>${languageNames(s.languages, this.uiLang)}</dd></div>`
              : nothing}
            ${s.finess ? html`<div class="row-finess"><dt>${t.finess} <span class="pro">(${t.forProfessionals})</span></dt><dd>${s.finess}</dd></div>` : nothing}
            ${s.siret ? html`<div class="row-siret"><dt>${t.siret} <span class="pro">(${t.forProfessionals})</span></dt><dd>${s.siret}</dd></div>` : nothing}
          </dl>
        </section>

        <div class="offers">
          ${groupOffers(s.offers, matched).map(({ category, offers }) => html`
            <section class="category" aria-labelledby="cat-${category.code}" data-care=${category.code}>
              <h3 id="cat-${category.code}">${category.label[lang]}</h3>
              ${offers.map((o) => this.renderOffer(s, o, t, matched.includes(o)))}
            </section>`)}
        </div>

        ${this.renderShare(s, t)}
        ${this.renderTrust(s, t)}
      </article>
    `;
  }

  private renderDirections(s: DirectoryStructure, t: CardStrings): TemplateResult {
    const links = directionsLinks(s.address, s.location);
    return html`<div class="directions" data-print="omit">
      <span id="directions-label">${t.directions} :</span>
      <ul class="inline" aria-labelledby="directions-label">
        ${links.map((l) => html`<li>${this.external(l.href, l.service, t, t.directionsWith(l.service))}</li>`)}
      </ul>
    </div>`;
  }

  /** A link that opens a new window, says so to everyone, and never hands the page a reference. */
  private external(href: string, text: string, t: CardStrings, title?: string, className = 'target'): TemplateResult {
    return html`<a class=${className} href=${href} target="_blank" rel="noopener noreferrer" title=${title ? `${title} ${t.newWindow}` : nothing}
      >${text}<span class="visually-hidden"> ${t.newWindow}</span></a>`;
  }

  private renderContactRows(c: Contact | undefined, t: CardStrings): TemplateResult[] {
    if (!c) return [];
    const rows: TemplateResult[] = [];
    const tel = safeHref(c.phone, 'tel');
    if (c.phone) rows.push(html`<div class="row-phone"><dt>${t.phone}</dt><dd>${tel ? html`<a class="target" href=${tel}>${c.phone}</a>` : c.phone}</dd></div>`);
    const mail = safeHref(c.email, 'mailto');
    if (mail) rows.push(html`<div class="row-email"><dt>${t.email}</dt><dd><a class="target" href=${mail}>${c.email}</a></dd></div>`);
    const web = safeHref(c.website, 'web');
    if (web) rows.push(html`<div class="row-website"><dt>${t.website}</dt><dd>${this.external(web, c.website!, t, undefined, 'target url')}</dd></div>`);
    const mss = safeHref(c.mssante, 'mailto');
    if (mss) {
      rows.push(html`<div class="row-mssante"><dt>${t.mssante} <span class="pro">(${t.forProfessionals})</span></dt><dd><a class="target" href=${mss}>${c.mssante}</a></dd></div>`);
    }
    return rows;
  }

  private renderOffer(s: DirectoryStructure, o: Offer, t: CardStrings, match = false): TemplateResult {
    const lang = this.uiLang;
    return html`
      <article class="offer ${match ? 'match' : ''}" aria-labelledby="offer-${o.id}" data-offer=${o.id}>
        <h4 id="offer-${o.id}">${offerTitle(o, lang)}</h4>
        ${match ? html`<p class="match-tag" data-print="omit">${t.matches}</p>` : nothing}
        <div class="offer-pick" data-print="omit">${this.renderPick(s.key, o.id, offerTitle(o, this.uiLang), t)}</div>
        ${isNonConventional(o)
          ? html`<p class="notice"><strong>${t.nonConventionalTitle}</strong> ${NON_CONVENTIONAL_NOTICE[lang]}</p>`
          : nothing}
        ${o.description ? html`<p class="description">${o.description}</p>` : nothing}
        <dl>
          ${offerRows(o, lang, t).map((row) => this.renderRow(row))}
          ${this.renderArea(o, s, t)}
          ${o.openingHours !== undefined ? this.renderHours(o.openingHours, undefined, s, t, true) : nothing}
          ${this.renderHowTo(o, s, t)}
          ${o.contact ? this.renderOfferContact(o.contact, t) : nothing}
        </dl>
      </article>`;
  }

  /**
   * « Ajouter à ma sélection » for the structure (`offer` undefined) or one offer; « Retirer… »
   * once there. Only with a directory (the selection lives in its store).
   */
  private renderPick(key: string, offer: string | undefined, name: string, t: CardStrings) {
    const store = this.data.store;
    // A card alone in a page (its own feed) has no « Ma sélection » to add to.
    if (!store || this.structure || this.data.owns) return nothing;
    const picked = store.inShortlist(key, offer);
    const full = !picked && store.shortlist.length >= SHORTLIST_MAX;
    const visible = picked ? t.unpickShort : full ? t.pickFull : offer ? t.pickOfferShort : t.pickShort;
    // The visible words first in the name (WCAG 2.5.3), then what they apply to.
    return html`<button part="button" type="button" class="pick" aria-label=${t.about(visible, name)} ?disabled=${full}
      @click=${() => (picked ? store.removeFromShortlist(key, offer) : store.addToShortlist(key, offer))}>${visible}</button>`;
  }

  /** « Partager cette fiche »: its link (the view with this card open), by copy, e-mail or SMS. */
  private renderShare(s: DirectoryStructure, t: CardStrings) {
    const store = this.data.store;
    const url = store?.shareLink?.({ open: s.key }) ?? this.pageAddress;
    const phone = s.contact?.phone;
    const text = [s.name, phone ? t.phoneLine(phone) : '', [s.address.line, `${s.address.postalCode} ${s.address.city}`].filter(Boolean).join(', ')].filter(Boolean).join('\n');
    return html`<section class="share" data-print="omit" aria-labelledby="share-title">
      <h3 id="share-title">${t.shareTitle}</h3>
      <sos-share .url=${url} .subject=${t.shareSubject(s.name)} .text=${text} label=${t.shareTitle}></sos-share>
    </section>`;
  }

  /**
   * At the top, before anything a visitor acts on: a record verified more than 12 months ago is to
   * be confirmed with the structure; more than 14 months (no answer to the yearly reminder), more
   * firmly (feed/freshness.ts). Its date stays at the bottom with the source.
   */
  private renderFreshness(s: DirectoryStructure, t: CardStrings) {
    const f = freshness(s.verifiedAt, new Date(this.now()));
    if (f !== 'overdue' && f !== 'remove') return nothing;
    const date = formatDate(s.verifiedAt, this.uiLang);
    return html`<p class="stale ${f}"><span aria-hidden="true">⚠ </span>${f === 'remove' ? t.expired(date) : t.overdue(date)}</p>`;
  }

  /** « Fermé du 21 décembre au 4 janvier · Fermeture annuelle », above everything else a visitor acts on. */
  private renderClosure(s: DirectoryStructure) {
    const line = this.hours ? closureNotice(this.hours, s.closure, this.now(), this.uiLang) : '';
    return line ? html`<p class="closure"><span aria-hidden="true">⚠ </span>${line}</p>` : nothing;
  }

  private renderAcceslibre(s: DirectoryStructure, t: CardStrings) {
    const href = safeHref(s.accessibility?.acceslibre, 'web');
    return href ? html`<span class="acceslibre">${this.external(href, t.acceslibre, t)}</span>` : nothing;
  }

  /**
   * Opening hours: today's line and the week's table when they are machine-readable (once the
   * chunk is here), else the feed's free text (`hours`, or an unreadable `openingHours` as given).
   * An offer's own hours list only its open days.
   */
  private renderHours(osm: string | undefined, text: string | undefined, s: DirectoryStructure, t: CardStrings, offer = false) {
    const table = this.hours ? timetable(this.hours, osm, s.closure, this.now(), this.uiLang) : undefined;
    if (!table) {
      const free = text ?? osm;
      return free ? html`<div class="row-hours"><dt>${t.hours}</dt><dd class="multiline">${free}</dd></div>` : nothing;
    }
    return html`<div class="row-hours"><dt>${t.hours}</dt><dd>
      <p class="today ${table.open ? 'open' : 'closed'}">${table.today}</p>
      ${this.renderWeek(table, t, offer)}
    </dd></div>`;
  }

  private renderWeek(table: Timetable, t: CardStrings, offer: boolean) {
    // An offer (a workshop on Wednesdays) lists its open days and today; a structure its whole week.
    const rows = offer ? table.rows.filter((r) => r.open || r.today) : table.rows;
    if (offer && !rows.some((r) => r.open)) return html`<p>${t.closedThisWeek}</p>`;
    return html`<table class="week">
      <caption class="visually-hidden">${t.weekCaption}</caption>
      <tbody>${rows.map((r) => html`<tr class=${r.today ? 'is-today' : ''} aria-current=${r.today ? 'date' : nothing}>
        <th scope="row">${r.day}${r.today ? html` <span class="mark">(${t.todayMark})</span>` : nothing}</th>
        <td>${r.hours}${r.notes.length ? html`<span class="note"> · ${r.notes.join(' · ')}</span>` : nothing}</td>
      </tr>`)}</tbody>
    </table>`;
  }

  /** « Comment y accéder » : calls, links and sentences (see practical.ts). */
  private renderHowTo(o: Offer, s: DirectoryStructure, t: CardStrings) {
    const actions = howToActions(o, s, this.uiLang, t);
    if (!actions.length) return nothing;
    const item = (a: Action) => (a.href
      ? a.external ? this.external(a.href, a.text, t, undefined, 'target action') : html`<a class="target action" href=${a.href}>${a.text}</a>`
      : a.text);
    return html`<div class="row-howto"><dt>${t.howTo}</dt><dd>${actions.length === 1
      ? item(actions[0]!)
      : html`<ul>${actions.map((a) => html`<li>${item(a)}</li>`)}</ul>`}</dd></div>`;
  }

  /** Where a home or remote offer goes. */
  private renderArea(o: Offer, s: DirectoryStructure, t: CardStrings) {
    const c = this.communes;
    const line = areaServed(o, s, publisherOf(s, this.data.store), t, c?.index, c && ((index, insee) => c.module.communeByInsee(index, insee)?.name));
    return line ? html`<div class="row-area"><dt>${t.area}</dt><dd>${line}</dd></div>` : nothing;
  }

  private renderRow(row: Row): TemplateResult {
    let value: unknown;
    if (row.key === 'cost') {
      const [first, ...rest] = row.values;
      value = html`${row.free ? html`<strong class="free">${first}</strong>` : first}${rest.length ? html` – ${rest.join(' – ')}` : nothing}`;
    } else if (row.values.length > 1) {
      value = html`<ul>${row.values.map((v) => html`<li>${v}</li>`)}</ul>`;
    } else {
      value = row.values[0];
    }
    return html`<div class="row-${row.key}"><dt>${row.term}</dt><dd class=${row.multiline ? 'multiline' : ''}>${value}</dd></div>`;
  }

  /** The offer's own contact, which takes precedence over the structure's for this offer. */
  private renderOfferContact(c: Contact, t: CardStrings): TemplateResult {
    const rows = this.renderContactRows(c, t);
    if (!rows.length) return html``;
    return html`<div class="row-offer-contact"><dt>${t.offerContact}</dt><dd><dl>${rows}</dl></dd></div>`;
  }

  private renderTrust(s: DirectoryStructure, t: CardStrings): TemplateResult {
    const lang = this.uiLang;
    const publisher = publisherOf(s, this.data.store);
    const pageUrl = this.pageAddress;
    const report = reportLink(publisher, t.reportSubject(s.name, s.id), t.reportBody(s.name, s.id, s.key, pageUrl));
    return html`<footer class="trust">
      <p class="verified">${t.verified(formatDate(s.verifiedAt, lang))}</p>
      ${publisher ? html`<p class="source">${t.publishedBy(publisher.name)}</p>` : nothing}
      ${report
        ? html`<p class="report" data-print="omit">${report.kind === 'mailto'
            ? html`<a class="target report-link" href=${report.href}>${t.report}</a>`
            : this.external(report.href, t.report, t, undefined, 'target report-link')}</p>`
        : nothing}
    </footer>`;
  }
}

define('sos-structure-card', SosStructureCard);

declare global {
  interface HTMLElementTagNameMap {
    'sos-structure-card': SosStructureCard;
  }
}
