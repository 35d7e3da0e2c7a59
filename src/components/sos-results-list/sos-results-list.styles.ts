import { css } from 'lit';
import { base, careColors, chips, tokens } from '../../base/styles.js';

export const styles = [
  tokens,
  base,
  chips,
  careColors,
  css`
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0 var(--_space);
      margin-bottom: var(--_space);
    }
    .count {
      font-size: 1.125em;
      margin: 0;
    }
    .sort, .hint {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875em;
    }
    .group-title {
      font-size: 1em;
      margin: calc(var(--_space) * 2) 0 var(--_space);
    }
    .results {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_space);
    }
    .result {
      border: 1px solid var(--_border-subtle);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 1.5);
      background: var(--_surface);
      /* Results below the fold are not laid out or painted until scrolled near (they stay in the
         accessibility tree and in-page search): each keystroke lays out a screenful, not 30. */
      content-visibility: auto;
      contain-intrinsic-size: auto 10em;
    }
    .result[aria-current='true'] {
      border-color: var(--_primary);
      box-shadow: inset 4px 0 0 var(--_primary);
    }
    .name {
      margin: 0;
      font-size: 1.0625em;
      font-weight: 700;
    }
    .result-button {
      all: unset;
      box-sizing: border-box;
      cursor: pointer;
      color: var(--_primary);
      font-weight: 700;
      text-decoration: underline;
      text-underline-offset: 0.15em;
      min-height: 44px;
      display: inline-flex;
      align-items: center;
    }
    .result-button:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .meta {
      margin: 0 0 var(--_space);
      color: var(--_muted);
      font-size: 0.875em;
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75em;
    }
    .distance {
      font-weight: 700;
      color: var(--_text);
    }
    .why {
      margin: 0 0 calc(var(--_space) / 2);
      font-size: 0.9375em;
    }
    /* Today's hours; a long free text stays on two lines (the card shows it whole). */
    .hours {
      margin: 0 0 calc(var(--_space) / 2);
      font-size: 0.875em;
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .open, .closed { font-weight: 600; color: var(--_success-text); }
    .closed { color: var(--_warning-text); }
    .reserved, .recheck {
      font-weight: 700;
      color: var(--_warning-text);
    }
    .ignored {
      margin: 0 0 var(--_space);
      font-size: 0.875em;
      color: var(--_muted);
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_space);
      align-items: center;
    }
    .tools sos-share {
      flex-basis: 100%;
      margin-bottom: var(--_space);
    }
    .footer {
      margin: var(--_space) 0 0;
      font-size: 0.8125em;
      color: var(--_muted);
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75em;
      align-items: center;
    }
    /* The MSSanté address, for professionals: small; a long address wraps rather than overflows. */
    .mssante {
      margin: var(--_space) 0 0;
      font-size: 0.8125em;
      overflow-wrap: anywhere;
    }
    .more {
      margin-top: calc(var(--_space) * 2);
      width: 100%;
      justify-content: center;
    }
    .notice {
      padding: var(--_space) calc(var(--_space) * 1.5);
      border-radius: var(--_radius);
      background: var(--_surface-alt);
      margin: 0 0 var(--_space);
    }
    .notice p { margin: 0; }
    .notice.warning { background: var(--_warning-bg); color: var(--_warning-text); }
    .notice.error { background: var(--_danger-bg); color: var(--_danger-text); border: 1px solid var(--_danger); }
    .notice code { white-space: pre-wrap; word-break: break-word; font-size: 0.875em; }
    .help {
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 1.5);
    }
    .help p { margin: 0 0 var(--_space); }
    .actions { display: flex; flex-wrap: wrap; gap: var(--_space); }
  `,
];
