// First: it must be evaluated before Lit (see the module).
import '../../base/lit-policy.js';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { define } from '../../base/define.js';
import { deepActiveElement } from '../../base/focus.js';
import { StoreElement } from '../../base/store-element.js';
import { styles } from './sos-selection.styles.js';
import { strings, type SelectionStrings } from './sos-selection.strings.js';
import { selectedItems, type SelectedItem } from './items.js';
import { loadHoursModule } from '../../state/chunks.js';
import '../sos-share/sos-share.js';

/**
 * « Ma sélection » : les structures et les offres qu'une personne a mises de côté (20 au plus),
 * dans son ordre, à réordonner, retirer, imprimer en une page à remettre (avec un code QR vers
 * chaque fiche) ou envoyer en un seul lien.
 *
 * Dans `<sos-annuaire>` elle s'ouvre en boîte de dialogue par le bouton « Ma sélection » au-dessus
 * des résultats (`overlay`) ; Échap ou « Fermer » la ferme et le focus revient sur ce bouton. La
 * sélection vit dans l'adresse de la page : un rechargement ou un lien la retrouvent.
 *
 * @tagname sos-selection
 * @summary « Ma sélection » : réordonner, retirer, imprimer, partager.
 *
 * @attr overlay - En boîte de dialogue modale tant que la sélection est affichée (utilisé par `<sos-annuaire>`).
 * @attr for - L'`id` d'un `<sos-annuaire>` placé ailleurs dans la page.
 * @attr lang - `fr` (par défaut) ou `en` ; dans un annuaire, la langue de l'annuaire.
 * @attr strings - Textes de remplacement de l'élément, par langue (JSON `{ "fr": { "clé": "texte" } }` ; clés : TEXTES.md) ; ils l'emportent sur ceux de l'annuaire.
 *
 * @csspart dialog - La boîte de dialogue `<dialog>`, avec `overlay`.
 */
export class SosSelection extends StoreElement<SelectionStrings> {
  protected readonly table = strings;
  static override styles = styles;

  @property({ type: Boolean, reflect: true }) overlay = false;

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('h2') private heading?: HTMLElement;
  /** What the last action did, for screen readers (« Bêta : position 1. »). */
  @state() private said = '';
  private returnFocus: Element | null = null;

  private get shown(): boolean {
    return !this.overlay || !!this.data.store?.shortlistOpen;
  }

  protected override updated(): void {
    const dialog = this.dialog;
    if (!this.overlay || !dialog) return;
    if (this.shown && !dialog.open) {
      this.returnFocus = deepActiveElement();
      dialog.showModal();
      this.heading?.focus();
    } else if (!this.shown && dialog.open) dialog.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialog?.open) this.dialog.close();
  }

  /** Every way the dialog closes (Escape, « Fermer », the backdrop) ends here. */
  private readonly onClose = (): void => {
    this.data.store?.showShortlist(false);
    const target = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (target?.isConnected) target.focus();
  };

  private move(items: SelectedItem[], index: number, step: number): void {
    const store = this.data.store;
    if (!store) return;
    const at = store.shortlist.indexOf(items[index]!.item);
    store.moveInShortlist(at, step);
    this.said = this.t.moved(items[index]!.name, index + step + 1);
  }

  private removeItem(item: SelectedItem): void {
    this.data.store?.removeFromShortlist(item.item.key, item.item.offer);
    this.said = this.t.removed(item.name);
    this.heading?.focus(); // the button pressed is gone
  }

  /** Prints the handout (the print code and the QR encoder load now). Returns the print document. */
  async print(): Promise<Document | undefined> {
    const store = this.data.store;
    if (!store) return undefined;
    const items = selectedItems(store, this.uiLang);
    // The opening-hours chunk when the feed has machine-readable hours or closures (their lines).
    const [{ printHandout }, hours] = await Promise.all([import('./handout.js'), store.usesHours ? loadHoursModule() : undefined]);
    const link = (key: string) => store.shareLink?.({ open: key, alone: true }) ?? store.pageAddress;
    return printHandout(items, store, this.uiLang, this.t, link, hours);
  }

  override render() {
    const body = this.shown ? this.renderBody() : nothing;
    if (!this.overlay) return body;
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onClose}
      @click=${(e: MouseEvent) => e.target === this.dialog && this.dialog?.close()}>${body}</dialog>`;
  }

  private renderBody() {
    const store = this.data.store;
    const t = this.t;
    const items = store ? selectedItems(store, this.uiLang) : [];
    const link = store?.shareLink?.({ shortlist: true }) ?? store?.pageAddress ?? '';
    return html`<section class="panel" aria-labelledby="title">
      <header>
        <h2 id="title" tabindex="-1">${t.title(items.length)}</h2>
        ${this.overlay ? html`<button type="button" class="primary" @click=${() => this.dialog?.close()}>${t.close}</button>` : nothing}
      </header>
      ${items.length
        ? html`<ol class="items">${items.map((it, i) => html`<li>
            <div class="item-text">
              <p class="name">${it.name}</p>
              <p class="place">${it.structure.address.city}${it.structure.contact?.phone ? ` · ${it.structure.contact.phone}` : ''}</p>
            </div>
            <div class="item-actions">
              <button type="button" aria-label=${t.up(it.name)} ?disabled=${i === 0} @click=${() => this.move(items, i, -1)}>${t.upShort}</button>
              <button type="button" aria-label=${t.down(it.name)} ?disabled=${i === items.length - 1} @click=${() => this.move(items, i, 1)}>${t.downShort}</button>
              <button type="button" aria-label=${t.remove(it.name)} @click=${() => this.removeItem(it)}>${t.removeShort}</button>
            </div>
          </li>`)}</ol>
          <div class="footer">
            <button type="button" class="primary" @click=${() => void this.print()}>${t.print}</button>
            <button type="button" class="link" @click=${() => store?.setShortlist([])}>${t.clear}</button>
          </div>
          <h3>${t.share}</h3>
          <sos-share .url=${link} .subject=${t.shareSubject} .text=${t.shareText(items.map((x) => x.name).join(', '))} label=${t.share}></sos-share>`
        : html`<p class="empty">${t.empty}</p>`}
      <p class="visually-hidden" role="status">${this.said}</p>
    </section>`;
  }
}

define('sos-selection', SosSelection);

declare global {
  interface HTMLElementTagNameMap {
    'sos-selection': SosSelection;
  }
}
