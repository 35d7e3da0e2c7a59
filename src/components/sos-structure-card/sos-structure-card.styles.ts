import { css } from 'lit';
import { base, careColors, chips, tokens } from '../../base/styles.js';
import { overlayDialog } from '../../base/dialog-styles.js';

export const styles = [
  tokens,
  base,
  chips,
  careColors,
  overlayDialog,
  css`
    .card {
      display: block;
      padding: calc(var(--_space) * 2);
      background: var(--_surface);
      color: var(--_text);
    }
    :host(:not([overlay])) .card {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    header.top {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: var(--_space);
    }
    .title {
      flex: 1 1 16em;
      min-width: 0;
    }
    h2 {
      font-size: 1.375em;
      line-height: 1.25;
      margin: 0;
      overflow-wrap: anywhere;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    h3 {
      font-size: 1.125em;
      line-height: 1.3;
      margin: 1.25em 0 0.5em;
    }
    h4 {
      font-size: 1em;
      line-height: 1.3;
      margin: 0 0 0.35em;
    }
    p {
      margin: 0 0 0.5em;
    }
    .kind {
      margin: 0.2em 0 0;
      color: var(--_muted);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    address {
      font-style: normal;
    }
    /* In the dialog, the name and "Fermer" stay in view while the offers scroll. */
    :host([overlay]) header.top {
      position: sticky;
      top: 0;
      z-index: 1;
      margin: calc(var(--_space) * -2) calc(var(--_space) * -2) 0;
      padding: calc(var(--_space) * 2) calc(var(--_space) * 2) var(--_space);
      background: var(--_surface);
      border-bottom: 1px solid var(--_border-subtle);
    }
    .description, .multiline {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .description {
      margin-top: 0.75em;
    }

    /* Labelled rows: a definition list, one <div> per term. */
    dl {
      margin: 0;
    }
    dl > div {
      display: grid;
      grid-template-columns: minmax(8em, 12em) 1fr;
      gap: 0.1em 1em;
      padding: 0.35em 0;
      border-top: 1px solid var(--_border-subtle);
    }
    dl > div:first-child {
      border-top: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    @container card (max-width: 30em) {
      dl > div {
        grid-template-columns: 1fr;
      }
    }
    .card {
      container: card / inline-size;
    }
    dd dl > div {
      grid-template-columns: auto 1fr;
      padding: 0;
      border: 0;
    }
    dd ul {
      margin: 0;
      padding-inline-start: 1.1em;
    }
    dd ul.inline {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75em;
    }
    .pro {
      display: block;
      font-weight: 400;
      font-size: 0.875em;
      color: var(--_muted);
    }

    /* Links large enough to touch: phone, e-mail, directions. */
    a.target {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
    }
    .directions {
      margin-top: 0.25em;
    }

    .category {
      --cat-color: var(--care-color, var(--_primary));
      margin-top: 1em;
    }
    .category > h3 {
      border-inline-start: 6px solid var(--cat-color);
      padding-inline-start: 0.5em;
      margin-bottom: 0.25em;
    }
    .offer {
      padding: 0.75em 0 0.5em;
      border-top: 1px solid var(--_border-subtle);
    }
    .category > h3 + .offer {
      border-top: 0;
    }
    .match-tag {
      display: inline-block;
      margin: 0 0 0.25em;
      padding: 0.05em 0.5em;
      border-radius: var(--_radius);
      background: var(--_surface-alt);
      border-inline-start: 4px solid var(--_primary);
      font-size: 0.875em;
      font-weight: 700;
    }
    .free {
      display: inline-block;
      font-weight: 700;
      padding: 0.05em 0.5em;
      border-radius: var(--_radius);
      background: var(--_success-bg);
      color: var(--_success-text);
    }
    .notice {
      margin: 0.25em 0 0.5em;
      padding: 0.5em 0.75em;
      border-inline-start: 4px solid var(--_warning-text);
      background: var(--_warning-bg);
      color: var(--_warning-text);
    }
    .notice strong {
      display: block;
    }

    /* Practical details (FEED-SPEC 1.1): a closure first (styled as .stale, below), then the week's hours. */
    .closure {
      margin: 0.5em 0;
    }
    .today {
      margin: 0 0 0.25em;
      font-weight: 600;
    }
    .today.open {
      color: var(--_success-text);
    }
    table.week {
      border-collapse: collapse;
      font-size: 0.9375em;
    }
    table.week th, table.week td {
      padding: 0.1em 0.75em 0.1em 0;
      text-align: start;
      vertical-align: top;
    }
    table.week th {
      font-weight: 400;
    }
    table.week tr.is-today, table.week tr.is-today th {
      font-weight: 700;
    }
    .note, .mark {
      color: var(--_muted);
      font-weight: 400;
    }
    .acceslibre {
      display: block;
      margin-top: 0.25em;
    }

    .offer-pick {
      margin: 0.25em 0 0.5em;
    }
    .share {
      margin-top: 1.25em;
    }
    .share h3 {
      margin: 0 0 0.5em;
    }

    footer.trust {
      margin-top: 1.25em;
      padding-top: 0.75em;
      border-top: 1px solid var(--_border);
      font-size: 0.9375em;
    }
    .verified, .source {
      color: var(--_muted);
    }
    .stale, .closure {
      padding: 0.5em 0.75em;
      border: 1px solid var(--_warning-text);
      border-radius: var(--_radius);
      background: var(--_warning-bg);
      color: var(--_warning-text);
      font-weight: 600;
    }
    .stale {
      margin: 0.75em 0;
    }
    /* Not confirmed for more than 14 months: firmer than a year-old record. */
    .stale.remove {
      border: 2px solid var(--_danger);
      border-inline-start-width: 6px;
      background: var(--_danger-bg);
      color: var(--_danger-text);
    }
    .status {
      padding: var(--_space);
      color: var(--_muted);
    }

    /* Print: black on white whatever the theme (ink, legibility on paper). */
    @media print {
      :host, .card, dialog {
        color: #000 !important;
        background: #fff !important;
        box-shadow: none !important;
      }
      button, .actions, [data-print='omit'] {
        display: none !important;
      }
      a {
        color: #000;
        text-decoration: none;
      }
      a[href^='http']:not(.url)::after {
        content: ' (' attr(href) ')';
        font-size: 0.85em;
        overflow-wrap: anywhere;
      }
      .notice, .stale, .stale.remove, .free, .closure {
        background: #fff;
        color: #000;
        border: 1px solid #000;
      }
      .offer {
        break-inside: avoid;
      }
    }
  `,
];
