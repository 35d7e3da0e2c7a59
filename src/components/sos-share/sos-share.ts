// First: it must be evaluated before Lit (see the module).
import '../../base/lit-policy.js';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { define } from '../../base/define.js';
import { StoreElement } from '../../base/store-element.js';
import { styles } from './sos-share.styles.js';
import { strings, type ShareStrings } from './sos-share.strings.js';
import { mailtoLink, smsLink } from './share-links.js';

/**
 * « Partager » : copier un lien, l'envoyer par courriel ou par SMS, sans service tiers (les
 * applications de messagerie du visiteur). Utilisé par la fiche, au-dessus des résultats et dans
 * « Ma sélection » ; utilisable seul.
 *
 * Quand le navigateur refuse l'accès au presse-papiers, le lien s'affiche dans un champ déjà
 * sélectionné, prêt à copier.
 *
 * @tagname sos-share
 * @summary Copier le lien, l'envoyer par courriel ou par SMS.
 *
 * @attr url - Le lien à partager (par défaut : l'adresse de la page, sans ses paramètres ni son ancre).
 * @attr subject - L'objet du courriel.
 * @attr text - Le texte qui précède le lien (nom, téléphone, adresse…).
 * @attr label - Nom du groupe de boutons pour les lecteurs d'écran (par défaut « Partager »).
 * @attr lang - `fr` (par défaut) ou `en`.
 * @attr strings - Textes de remplacement de l'élément, par langue (JSON `{ "fr": { "clé": "texte" } }` ; clés : TEXTES.md) ; ils l'emportent sur ceux de l'annuaire.
 *
 * @csspart actions - Le groupe des trois actions.
 * @csspart button - Le bouton « Copier le lien ».
 */
export class SosShare extends StoreElement<ShareStrings> {
  protected readonly table = strings;
  static override styles = styles;

  @property() url?: string;
  @property() subject = '';
  @property() text = '';
  @property() label?: string;

  /** 'copied', or 'refused' (the field to copy from is shown). */
  @state() private copy: 'copied' | 'refused' | undefined;
  @query('input') private field?: HTMLInputElement;

  private get link(): string {
    // Never the host page's query string or fragment (an intranet's `?patient=…`).
    return this.url || this.data.store?.pageAddress || `${location.origin}${location.pathname}`;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another link: the last copy's message no longer speaks of it.
    if (changed.has('url')) this.copy = undefined;
  }

  private async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.link);
      this.copy = 'copied';
    } catch {
      this.copy = 'refused';
      await this.updateComplete;
      this.field?.focus();
      this.field?.select();
    }
  }

  override render() {
    const t = this.t;
    const url = this.link;
    return html`<div class="actions" part="actions" role="group" aria-label=${this.label || t.group}>
        <button type="button" part="button" @click=${() => void this.copyLink()}>${t.copy}</button>
        <a href=${mailtoLink(this.subject, this.text, url)}>${t.email}</a>
        <a href=${smsLink(this.text, url)}>${t.sms}</a>
      </div>
      <p class="status" role="status">${this.copy === 'copied' ? t.copied : ''}</p>
      ${this.copy === 'refused'
        ? html`<label>${t.copyHere} <input type="text" readonly .value=${url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></label>`
        : nothing}`;
  }
}

define('sos-share', SosShare);

declare global {
  interface HTMLElementTagNameMap {
    'sos-share': SosShare;
  }
}
