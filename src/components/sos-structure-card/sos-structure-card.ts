/** Placeholder: being written (see the issue tracker). */
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { define } from '../../base/define.js';
import { StoreController } from '../../base/store-controller.js';
import type { DirectoryStore } from '../../state/directory-store.js';

/** @tagname sos-structure-card */
export class SosStructureCard extends LitElement {
  @property() src?: string;
  @property() for?: string;
  @property({ attribute: false }) store?: DirectoryStore;
  protected readonly data = new StoreController(this);
  override render() {
    return html``;
  }
}

define('sos-structure-card', SosStructureCard);

declare global {
  interface HTMLElementTagNameMap {
    'sos-structure-card': SosStructureCard;
  }
}
