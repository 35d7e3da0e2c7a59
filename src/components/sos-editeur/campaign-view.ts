import { html } from 'lit';
import type { SosEditeur } from './sos-editeur.js';

export function campaignView(_bench: SosEditeur) {
  return html`<h2>campaign</h2>`;
}
