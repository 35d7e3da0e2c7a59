import { html } from 'lit';
import type { SosEditeur } from './sos-editeur.js';

export function publishView(_bench: SosEditeur) {
  return html`<h2>publish</h2>`;
}
