import { html } from 'lit';
import type { SosEditeur } from './sos-editeur.js';

export function compareView(_bench: SosEditeur) {
  return html`<h2>compare</h2>`;
}
