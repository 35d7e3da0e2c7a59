import { html } from 'lit';
import type { SosEditeur } from './sos-editeur.js';

export function coverageView(_bench: SosEditeur) {
  return html`<h2>coverage</h2>`;
}
