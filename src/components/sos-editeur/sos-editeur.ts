// First: it must be evaluated before Lit (see the module).
import '../../base/lit-policy.js';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { define } from '../../base/define.js';
import { parisDate } from '../../feed/freshness.js';
import type { Table } from '../../publish/table.js';
import { toLang, type Lang } from '../../i18n/format.js';
import { styles } from './sos-editeur.styles.js';
import { strings, type EditeurStrings } from './sos-editeur.strings.js';
import { TABS, tabList, type TabId, type TabInfo } from './tabs.js';
import { openFile, openUrl, type Opened } from './open-source.js';
import { checkWork, counts, emptyTemplate, feedToWork, PLACEHOLDER_PUBLISHER, publisherOf, type Checked, type Work } from './model.js';
import { loadPublisher, publisherEnvelope, savePublisher, type PublisherFields } from './publisher.js';
import { openView } from './open-view.js';
import { checksView } from './checks-view.js';
import { publishView } from './publish-view.js';
import { locateView } from './locate-view.js';
import { qualityView } from './quality-view.js';
import { campaignView } from './campaign-view.js';
import { compareView } from './compare-view.js';
import { coverageView } from './coverage-view.js';
import type { Fix } from '../../publish/problems.js';
import { applyFixes } from '../../publish/problems.js';
import type { Feed } from '../../feed/schema.js';
import type { GeocodeResult } from './geocode.js';

/** The published feed (or an older file) the work is compared with, and guarded against. */
export interface Reference {
  name: string;
  feed: Feed;
}

/**
 * L'atelier de l'éditeur du flux : ouvrir le tableur (ou le flux publié), vérifier, localiser,
 * mesurer la qualité, mener la vérification annuelle, comparer, publier, mesurer la couverture.
 * Tout se passe dans le navigateur ; rien n'est envoyé, sauf la lecture du flux publié à son
 * adresse et, à la demande, les adresses envoyées au géocodeur.
 *
 * Not part of the widget: a separate entry (demo/editeur.html, dist/editeur/), never in the CDN.
 *
 * @tagname sos-editeur
 * @summary Atelier de l'éditeur : du tableur au flux publié.
 *
 * @attr src - Adresse du flux publié (ouverte à la demande ; référence pour comparer et publier).
 * @attr geocoder-url - Service de géocodage par lot au format de la Base Adresse Nationale (par défaut `https://api-adresse.data.gouv.fr/search/csv/`).
 * @attr today - Date du jour `AAAA-MM-JJ` (par défaut : aujourd'hui, heure de Paris), pour la vérification annuelle.
 * @attr lang - Langue de l'atelier : `fr` (par défaut) ou `en`. Ce que le cœur commun écrit (problèmes, suggestions, relance envoyée aux structures, noms de colonnes) reste en français.
 */
export class SosEditeur extends LitElement {
  static override styles = styles;

  @property() src = '';
  @property({ attribute: 'geocoder-url' }) geocoderUrl = 'https://api-adresse.data.gouv.fr/search/csv/';
  @property() today = '';
  /** No default: no empty `lang=""` (an unknown language for screen readers); reflected, so a value set by script is the element's language too. */
  @property({ reflect: true }) override lang!: string;

  @state() tab: TabId = 'ouvrir';
  @state() work?: Work;
  @state() checked?: Checked;
  @state() reference?: Reference;
  @state() busy = false;
  @state() geocoded = new Map<string, GeocodeResult>();
  /** Who publishes (the feed's envelope): remembered on this computer, or taken from an opened feed. */
  @state() publisher: PublisherFields = loadPublisher();
  @state() private statusText = '';
  @state() private statusError = false;

  @query('[role="tabpanel"]') private panel?: HTMLElement;

  /** The language the workbench speaks: `en` when asked, French otherwise. */
  get uiLang(): Lang {
    return this.lang ? toLang(this.lang) : 'fr';
  }

  /** Its texts in that language (French until the English chunk is there: see scheduleUpdate). */
  get t(): EditeurStrings {
    return (this.uiLang === 'en' && strings.en) || strings.fr;
  }

  /** The first render in English waits for the English chunk (no flash of French). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.uiLang === 'en' && !strings.en) {
      return import('./sos-editeur.strings.en.js').then((m) => (strings.en = m.en), () => undefined).then(() => super.scheduleUpdate());
    }
    return super.scheduleUpdate();
  }

  /** The day the campaign and the freshness rule count from (`AAAA-MM-JJ`). */
  get day(): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(this.today) ? this.today : parisDate(new Date());
  }

  /** Says what just happened, in the live region (read by screen readers, shown to everyone). */
  say(text: string, error = false): void {
    // The same sentence twice is still announced: empty the region first.
    this.statusText = '';
    this.statusError = error;
    void this.updateComplete.then(() => {
      this.statusText = text;
    });
  }

  selectTab(id: TabId, focus: boolean): void {
    this.tab = id;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${id}`)?.focus());
  }

  // ---- opening -------------------------------------------------------------------------------

  /** Runs an action that reads or writes files, with its French failure said in the live region. */
  async run<T>(action: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    try {
      return await action();
    } catch (e) {
      const message = e instanceof Error && /Error$/.test(e.name) && e.name !== 'Error' && e.name !== 'TypeError' ? e.message : this.t.unexpected(String((e as Error)?.message ?? e));
      this.say(message, true);
      if (!(e instanceof Error) || e.name === 'Error' || e.name === 'TypeError') console.error(e);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  async openFromFile(file: File): Promise<void> {
    this.say(this.t.opening(file.name));
    const opened = await this.run(() => openFile(file, this.t.open));
    if (opened) this.adopt(opened);
  }

  async openFromUrl(url: string): Promise<void> {
    if (!url.trim()) return;
    this.say(this.t.opening(url));
    const opened = await this.run(() => openUrl(url.trim(), this.t.open));
    if (!opened) return;
    this.adopt(opened);
    // The published feed is the reference for « Comparer » and the guard of « Publier ».
    if (this.checked?.feed) this.reference = { name: opened.name, feed: this.checked.feed };
  }

  /** An older file (or the published feed) to compare with. */
  async openReference(file: File): Promise<void> {
    const opened = await this.run(() => openFile(file, this.t.open));
    if (!opened) return;
    const work = opened.kind === 'feed' ? feedToWork(opened.doc, opened.name) : { name: opened.name, table: opened.table, origin: 'table' as const, source: opened.detail };
    const checked = checkWork(work, this.day, this.envelope());
    if (!checked.feed) return this.say(this.t.referenceUnusable(opened.name, checked.fatal), true);
    this.reference = { name: opened.name, feed: checked.feed };
    this.say(this.t.referenceLoaded(opened.name, checked.feed.structures.length));
  }

  startTemplate(): void {
    this.adopt({ kind: 'table', name: this.t.templateName, table: emptyTemplate(), detail: { format: 'template' } });
  }

  adopt(opened: Opened): void {
    const fromFeed = opened.kind === 'feed' ? publisherOf(opened.doc) : undefined;
    if (fromFeed && !this.publisher.id) this.setPublisher(fromFeedFields(fromFeed));
    const work: Work = opened.kind === 'feed'
      ? feedToWork(opened.doc, opened.name)
      : { name: opened.name, origin: 'table', table: opened.table, source: opened.detail };
    this.geocoded = new Map();
    this.setWork(work);
    const c = counts(this.checked!);
    this.say(this.t.opened(work.name, c.structures, c.offers, this.t.source(work.source)) + this.t.openedCheck(c.errors, c.warnings));
  }

  /** New working table: checked again at once (every problem, all at once). */
  setWork(work: Work): void {
    this.work = work;
    this.checked = checkWork(work, this.day, this.envelope());
  }

  /** The envelope's publisher to check and publish with (a stand-in until the fields make a valid one). */
  envelope(): Record<string, unknown> {
    return publisherEnvelope(this.publisher) ?? PLACEHOLDER_PUBLISHER;
  }

  setPublisher(fields: PublisherFields): void {
    this.publisher = fields;
    savePublisher(fields);
    if (this.work) this.setWork(this.work);
  }

  setTable(table: Table): void {
    if (this.work) this.setWork({ ...this.work, table });
  }

  /** Applies suggestions, then checks again and says what is left. */
  applyFixes(fixes: readonly Fix[], what: string): void {
    if (!this.work) return;
    const { table, applied } = applyFixes(this.work.table, fixes);
    this.setTable(table);
    const c = counts(this.checked!);
    this.say(applied.length === 1 ? this.t.applied(applied[0]!.suggestion, what, c.errors, c.warnings) : this.t.appliedAll(applied.length, c.errors, c.warnings));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('today') && this.work) this.checked = checkWork(this.work, this.day, this.envelope());
  }

  // ---- rendering -----------------------------------------------------------------------------

  private tabs(): TabInfo[] {
    const c = this.checked ? counts(this.checked) : undefined;
    return TABS.map((id) => ({
      id,
      label: this.t.tabs[id],
      ...(id === 'verifier' && c && c.errors + c.warnings ? { count: c.errors + c.warnings, countLabel: this.t.problems(c.errors + c.warnings) } : {}),
    }));
  }

  private panelContent() {
    if (this.tab === 'ouvrir') return openView(this);
    if (!this.work || !this.checked) return html`<h2>${this.t.tabs[this.tab]}</h2><p>${this.t.nothingOpen}</p>`;
    switch (this.tab) {
      case 'verifier': return checksView(this);
      case 'localiser': return locateView(this);
      case 'qualite': return qualityView(this);
      case 'campagne': return campaignView(this);
      case 'comparer': return compareView(this);
      case 'publier': return publishView(this);
      case 'couverture': return coverageView(this);
    }
  }

  override render() {
    const t = this.t;
    return html`<p class="privacy">${t.privacy}</p>
      ${tabList(t.steps, this.tabs(), this.tab, (id, focus) => this.selectTab(id, focus))}
      <p class="status ${this.statusError ? 'error' : ''}" role="status" aria-live="polite" aria-busy=${this.busy ? 'true' : 'false'}>${this.statusText}</p>
      <div role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}" tabindex="0">${this.panelContent()}</div>
      ${nothing}`;
  }

  /** Focus the panel's heading region (after a change of step from a link inside a panel). */
  focusPanel(): void {
    this.panel?.focus();
  }
}

/** An opened feed's publisher as the form's fields. */
function fromFeedFields(p: Record<string, unknown>): PublisherFields {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const contact = (p.contact && typeof p.contact === 'object' ? p.contact : {}) as Record<string, unknown>;
  return { id: text(p.id), name: text(p.name), region: text(p.region), url: text(p.url), email: text(contact.email), license: text(p.license) };
}

define('sos-editeur', SosEditeur);

declare global {
  interface HTMLElementTagNameMap {
    'sos-editeur': SosEditeur;
  }
}
