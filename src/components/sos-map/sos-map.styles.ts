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
      /* Not a theme colour: the offline basemap's background (offline-style.ts), seen before the tiles. */
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
      background: var(--_surface);
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
      color: var(--_selected);
      cursor: pointer;
    }
    .sos-marker:hover {
      background: none;
    }
    .sos-marker-label {
      order: -1;
      display: flex;
      align-items: baseline;
      gap: 0.35em;
      max-width: 100%;
      padding: 0.1em 0.5em;
      font-size: 0.8125em;
      font-weight: 600;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_selected);
      border-radius: var(--_radius);
      /* Shadows stay black at low opacity: they darken whatever lies beneath, on any theme. */
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
    }
    .sos-marker-name {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    /* "+2": other structures share the address (the button's name says it in words). */
    .sos-marker-more {
      flex: none;
      padding: 0 0.35em;
      border-radius: var(--_radius);
      background: var(--_selected);
      color: var(--_on-selected);
    }
    .sos-marker-pin {
      fill: currentColor;
      stroke: var(--_on-selected);
      stroke-width: 1.5;
      filter: drop-shadow(0 1px 2px rgb(0 0 0 / 0.35));
    }
    .sos-marker:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
      border-radius: var(--_radius);
    }

    /*
     * The list of the structures at one address (a MapLibre Popup, in this shadow root). ':host'
     * outranks MapLibre's own popup rules, adopted after these styles. MapLibre sets the map's
     * font to 12px: the list takes the widget's font back.
     */
    :host .sos-place-popup {
      z-index: 4;
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: 1.4;
      color: var(--_text);
    }
    :host .sos-place-popup .maplibregl-popup-content {
      padding: 0;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
    }
    :host .sos-place-popup.maplibregl-popup-anchor-top .maplibregl-popup-tip,
    :host .sos-place-popup.maplibregl-popup-anchor-top-left .maplibregl-popup-tip,
    :host .sos-place-popup.maplibregl-popup-anchor-top-right .maplibregl-popup-tip {
      border-bottom-color: var(--_border);
    }
    :host .sos-place-popup.maplibregl-popup-anchor-bottom .maplibregl-popup-tip,
    :host .sos-place-popup.maplibregl-popup-anchor-bottom-left .maplibregl-popup-tip,
    :host .sos-place-popup.maplibregl-popup-anchor-bottom-right .maplibregl-popup-tip {
      border-top-color: var(--_border);
    }
    :host .sos-place-popup.maplibregl-popup-anchor-left .maplibregl-popup-tip {
      border-right-color: var(--_border);
    }
    :host .sos-place-popup.maplibregl-popup-anchor-right .maplibregl-popup-tip {
      border-left-color: var(--_border);
    }
    .sos-place {
      min-width: 14em;
    }
    .sos-place-head {
      display: flex;
      align-items: center;
      gap: var(--_space);
      padding-inline-start: 0.75em;
      border-bottom: 1px solid var(--_border);
    }
    .sos-place-title {
      flex: 1;
      margin: 0;
      font-weight: 600;
      font-size: 0.9375em;
    }
    :host .sos-place-close {
      flex: none;
      justify-content: center;
      min-width: 44px;
      min-height: 44px;
      padding: 0;
      border-color: transparent;
      font-size: 1.5em;
      line-height: 1;
      color: var(--_text);
    }
    .sos-place-list {
      list-style: none;
      margin: 0;
      padding: 4px;
      /* About five names, then the list scrolls (the map may be only 280px high). */
      max-height: 14em;
      overflow-y: auto;
    }
    :host .sos-place-item {
      width: 100%;
      min-height: 44px;
      justify-content: flex-start;
      text-align: start;
      border-color: transparent;
      overflow-wrap: anywhere;
    }
    :host .sos-place-item[aria-current='true'] {
      font-weight: 600;
      border-inline-start: 4px solid var(--_selected);
    }
    /* Inside the scrolling list an outer ring would be cut off: draw it inside. */
    :host .sos-place :focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: -3px;
    }
  `,
];
