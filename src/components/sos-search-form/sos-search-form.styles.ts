import { css } from 'lit';
import { base, tokens } from '../../base/styles.js';

/** Narrow first (the form may be 320 px wide); a grid from 640 px of the element's own width. */
export const styles = [
  tokens,
  base,
  css`
    :host {
      container-type: inline-size;
    }
    .form {
      display: grid;
      gap: calc(var(--_space) * 1.5);
      margin: 0;
    }
    .field-label {
      display: block;
      font-weight: 600;
      margin-bottom: 4px;
    }
    .hint {
      display: block;
      color: var(--_muted);
      font-size: 0.875em;
      margin: -2px 0 4px;
    }
    .inline {
      display: flex;
      gap: var(--_space);
    }
    input[type='search'], input[role='combobox'], select {
      width: 100%;
      min-width: 0;
    }
    .inline input {
      flex: 1 1 auto;
    }
    .inline button {
      flex: 0 0 auto;
    }

    /* Place: commune, radius, around me. */
    .near {
      display: grid;
      gap: var(--_space);
      grid-template-columns: minmax(0, 1fr);
    }
    .near-radius .field-label {
      white-space: nowrap;
    }
    .near-me button {
      width: 100%;
      justify-content: center;
    }
    .around-me[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.8;
    }
    .combobox {
      position: relative;
    }
    .combobox-field {
      display: flex;
      gap: 4px;
    }
    .combobox-field input {
      flex: 1 1 auto;
    }
    button.clear {
      flex: 0 0 auto;
      width: 44px;
      justify-content: center;
      padding: 0;
      font-size: 1.4em;
      line-height: 1;
    }
    .listbox {
      position: absolute;
      z-index: 10;
      inset-inline: 0;
      top: calc(100% + 2px);
      max-height: 20em;
      overflow-y: auto;
      margin: 0;
      padding: 4px 0;
      list-style: none;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      /* Shadow: black at low opacity, it darkens whatever lies beneath on any theme. */
      box-shadow: 0 4px 12px rgb(0 0 0 / 0.18);
    }
    .option-commune {
      display: flex;
      align-items: center;
      min-height: 44px;
      padding: 0.25em 0.75em;
      cursor: pointer;
    }
    .option-commune:hover {
      background: var(--_surface-alt);
    }
    .option-commune[aria-selected='true'] {
      background: var(--_primary);
      color: var(--_on-primary);
      outline: 2px solid var(--_focus);
      outline-offset: -2px;
    }
    /* Forced colours (Windows high contrast): the active option keeps a visible mark. */
    @media (forced-colors: active) {
      .option-commune[aria-selected='true'] {
        outline: 3px solid Highlight;
      }
    }

    .message {
      margin: 0;
    }
    .message:not(:empty) {
      padding: 0.5em 0.75em;
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    .message.error {
      background: var(--_warning-bg);
      color: var(--_warning-text);
      border-left: 4px solid var(--_danger);
    }

    /* Filters: collapsible groups. */
    .filters {
      display: grid;
      gap: var(--_space);
    }
    .first-level, .more-grid {
      display: grid;
      gap: var(--_space);
      grid-template-columns: minmax(0, 1fr);
      align-items: start;
    }
    .group {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .group > summary {
      list-style: none;
      display: flex;
      align-items: center;
      gap: 0.5em;
      min-height: 44px;
      padding: 0.4em 0.75em;
      cursor: pointer;
      font-weight: 600;
      border-radius: var(--_radius);
    }
    .group > summary::-webkit-details-marker {
      display: none;
    }
    /* A chevron: flex summaries lose the native disclosure triangle. */
    .group > summary::after {
      content: '';
      flex: none;
      width: 0.5em;
      height: 0.5em;
      margin: 0 0.2em 0.2em 0.25em;
      border-right: 2px solid currentColor;
      border-bottom: 2px solid currentColor;
      transform: rotate(45deg);
    }
    .group[open] > summary::after {
      margin-bottom: -0.2em;
      transform: rotate(-135deg);
    }
    .all-filters {
      display: grid;
      gap: var(--_space);
    }
    .group > summary:hover {
      background: var(--_surface-alt);
    }
    .group[open] > summary {
      border-bottom: 1px solid var(--_border);
      border-radius: var(--_radius) var(--_radius) 0 0;
    }
    .summary-text {
      flex: 1 1 auto;
    }
    .badge {
      display: inline-block;
      min-width: 1.6em;
      padding: 0 0.45em;
      border-radius: 1em;
      background: var(--_primary);
      color: var(--_on-primary);
      font-size: 0.875em;
      text-align: center;
    }
    .group-body {
      padding: 0.25em 0.75em 0.5em;
      max-height: 28em;
      overflow-y: auto;
    }
    .group[data-filter='more'] > .group-body {
      max-height: none;
      overflow: visible;
      padding-top: 0.75em;
    }
    .checkboxes {
      border: 0;
      margin: 0;
      padding: 0;
      min-width: 0;
    }
    .checkboxes + .checkboxes {
      margin-top: 0.5em;
    }
    .group-legend {
      padding: 0.5em 0 0.25em;
      font-weight: 600;
      font-size: 0.875em;
      color: var(--_muted);
    }
    .option {
      display: flex;
      align-items: center;
      gap: 0.6em;
      min-height: 44px;
      padding: 2px 4px;
      cursor: pointer;
      border-radius: var(--_radius);
    }
    .option:hover {
      background: var(--_surface-alt);
    }
    .option input {
      flex: 0 0 auto;
      width: 1.25em;
      height: 1.25em;
      min-height: 0;
      margin: 0;
      accent-color: var(--_primary);
    }
    .count {
      color: var(--_muted);
      white-space: nowrap;
    }
    .explain {
      margin: 0.5em 0;
      color: var(--_muted);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }

    @container (min-width: 640px) {
      .near {
        grid-template-columns: minmax(0, 1fr) minmax(8em, auto) auto;
        align-items: end;
      }
      .first-level {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
      .more-grid {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }
    @container (min-width: 960px) {
      .more-grid {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
    }
  `,
];
