import { css } from 'lit';
import { base, tokens } from '../../base/styles.js';

// `:host .map` outranks MapLibre's `.maplibregl-map { position: relative }`, adopted after these styles.

export const styles = [
  tokens,
  base,
  css`
    :host {
      position: relative;
      height: var(--sos-map-height, 480px);
      min-height: 280px;
      background: #dfe8ef;
      border-radius: var(--_radius);
      overflow: hidden;
    }
    :host .map {
      position: absolute;
      inset: 0;
    }
    /* MapLibre's canvas region gets the focus ring of the widget. */
    .map :focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: -3px;
    }
    /* Top left: the bottom holds the attribution, which the data licences require to stay visible. */
    .note {
      position: absolute;
      left: 8px;
      top: 8px;
      z-index: 3;
      max-width: calc(100% - 60px);
      margin: 0;
      padding: 0.2em 0.6em;
      font-size: 0.8125em;
      line-height: 1.4;
      color: var(--_text);
      background: rgb(255 255 255 / 0.92);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      pointer-events: none;
    }
    /* The selected structure: the only DOM marker (everything else is WebGL). */
    .sos-marker {
      display: inline-flex;
      flex-direction: column;
      align-items: center;
      gap: 2px;
      min-height: 44px;
      min-width: 44px;
      max-width: 16em;
      padding: 0;
      border: 0;
      background: none;
      color: #c2410c;
      cursor: pointer;
    }
    .sos-marker:hover {
      background: none;
    }
    .sos-marker-label {
      order: -1;
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      padding: 0.1em 0.5em;
      font-size: 0.8125em;
      font-weight: 600;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid #c2410c;
      border-radius: var(--_radius);
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
    }
    .sos-marker-pin {
      fill: currentColor;
      stroke: #ffffff;
      stroke-width: 1.5;
      filter: drop-shadow(0 1px 2px rgb(0 0 0 / 0.35));
    }
    .sos-marker:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
      border-radius: var(--_radius);
    }
  `,
];
