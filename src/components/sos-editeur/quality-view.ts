import { html } from 'lit';
import type { SosEditeur } from './sos-editeur.js';

export function qualityView(_bench: SosEditeur) {
  return html`<h2>quality</h2>`;
}
