import { css } from 'lit';
import { base, tokens } from '../../base/styles.js';

export const styles = [
  tokens,
  base,
  css`
    :host {
      container-type: inline-size;
    }
    .layout {
      display: grid;
      gap: calc(var(--_space) * 2);
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'form' 'switch' 'list' 'map';
    }
    .form { grid-area: form; }
    .view-switch { grid-area: switch; display: flex; gap: 0; }
    .view-switch button { flex: 1; border-radius: 0; }
    .view-switch button:first-child { border-radius: var(--_radius) 0 0 var(--_radius); }
    .view-switch button:last-child { border-radius: 0 var(--_radius) var(--_radius) 0; border-left: 0; }
    .view-switch button[aria-pressed='true'] { background: var(--_primary); color: var(--_on-primary); }
    .list { grid-area: list; min-width: 0; }
    .map { grid-area: map; min-width: 0; }
    /* The map element arrives after the first results: its place is kept meanwhile (no layout shift). */
    sos-map:not(:defined) {
      display: block;
      height: var(--sos-map-height, 480px);
      min-height: 280px;
      /* Not a theme colour: the map's own background (sos-map.styles.ts, offline-style.ts). */
      background: #dfe8ef;
      border-radius: var(--_radius);
    }
    sos-map[hidden] { display: none; }
    /* Wide: list and map side by side, the map follows the list while scrolling. */
    .wide.variant-complet {
      grid-template-columns: minmax(0, 5fr) minmax(0, 7fr);
      grid-template-areas: 'form form' 'list map';
      align-items: start;
    }
    .wide.variant-complet .map {
      position: sticky;
      top: var(--_space);
    }
    /* "carte": map first, the list (still the way to every result) below it. */
    .variant-carte { grid-template-areas: 'form' 'switch' 'map' 'list'; }
  `,
];
