import { css } from 'lit';
import { base, tokens } from '../../base/styles.js';

export const styles = [
  tokens,
  base,
  css`
    :host {
      display: block;
      max-width: 1100px;
    }
    h2 {
      font-size: 1.375em;
      margin: 0.5em 0 0.25em;
    }
    h3 {
      font-size: 1.125em;
      margin: 1em 0 0.25em;
    }
    h4 {
      font-size: 1em;
      margin: 0.75em 0 0.25em;
    }
    p {
      margin: 0.5em 0;
    }
    .privacy {
      border-left: 5px solid var(--_primary);
      background: var(--_surface-alt);
      padding: 0.5em 1em;
      border-radius: var(--_radius);
      margin: 0 0 1em;
    }
    [role='tablist'] {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      border-bottom: 2px solid var(--_primary);
      margin: 0 0 0.5em;
    }
    [role='tab'] {
      border-bottom: 0;
      border-radius: var(--_radius) var(--_radius) 0 0;
    }
    [role='tab'][aria-selected='true'] {
      background: var(--_primary);
      color: var(--_on-primary);
      font-weight: 600;
    }
    .count {
      display: inline-block;
      min-width: 1.6em;
      padding: 0 0.35em;
      border-radius: 1em;
      background: var(--_warning-bg);
      color: var(--_warning-text);
      font-size: 0.875em;
      text-align: center;
    }
    .status {
      min-height: 1.5em;
      margin: 0.25em 0 0.75em;
      font-weight: 600;
    }
    .status.error {
      color: var(--_danger-text);
    }
    [role='tabpanel']:focus-visible {
      outline-offset: 4px;
    }
    fieldset {
      border: 1px solid var(--_border-subtle);
      border-radius: var(--_radius);
      margin: 0.75em 0;
      padding: 0.5em 1em 1em;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25em;
    }
    label {
      display: block;
      margin: 0.5em 0 0.25em;
    }
    label.inline {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      margin: 0.25em 1em 0.25em 0;
    }
    input[type='checkbox'] {
      min-height: 0;
      width: 1.25em;
      height: 1.25em;
    }
    input[type='url'], input[type='text'], input[type='email'] {
      width: min(100%, 36em);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
      margin: 0.5em 0;
    }
    .hint {
      color: var(--_muted, #4f4f4f);
      font-size: 0.9375em;
    }
    .summary {
      font-size: 1.0625em;
    }
    .group {
      border: 1px solid var(--_border-subtle);
      border-radius: var(--_radius);
      padding: 0.25em 1em 0.75em;
      margin: 0.75em 0;
    }
    .group h3 {
      margin-top: 0.5em;
    }
    ul.problems {
      margin: 0.25em 0;
      padding-left: 1.25em;
    }
    ul.problems li {
      margin: 0.4em 0;
    }
    .where {
      font-weight: 600;
    }
    .sev-error {
      color: var(--_danger-text);
    }
    .sev-warning {
      color: var(--_warning-text);
    }
    .suggestion {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
      margin-left: 0.25em;
    }
    code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.9375em;
      background: var(--_surface-alt);
      padding: 0 0.25em;
      border-radius: 3px;
    }
    table {
      border-collapse: collapse;
      margin: 0.5em 0;
      width: 100%;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding: 0.25em 0;
    }
    th, td {
      border: 1px solid var(--_border-subtle);
      padding: 0.3em 0.5em;
      text-align: start;
      vertical-align: top;
    }
    th {
      background: var(--_surface-alt);
    }
    td.num, th.num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .scroll {
      overflow-x: auto;
    }
    .weak {
      background: var(--_warning-bg);
      color: var(--_warning-text);
    }
    .ok {
      color: var(--_success-text);
    }
    ul.reminders {
      list-style: none;
      padding: 0;
    }
    pre.message {
      white-space: pre-wrap;
      font: inherit;
      background: var(--_surface-alt);
      padding: 0.5em;
      border-radius: var(--_radius);
    }
    details summary {
      cursor: pointer;
      min-height: 44px;
      display: flex;
      align-items: center;
    }
    dialog {
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
      max-width: 36em;
      padding: 1em 1.5em;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    .preview {
      border: 2px dashed var(--_border);
      border-radius: var(--_radius);
      padding: 0.5em;
      margin-top: 0.5em;
    }
    .changes {
      margin: 0.25em 0 0.5em;
    }
    .changes dt {
      font-weight: 600;
    }
    .changes dd {
      margin: 0 0 0.25em 1em;
    }
    del {
      background: var(--_danger-bg);
      color: var(--_danger-text);
    }
    ins {
      background: var(--_success-bg);
      color: var(--_success-text);
      text-decoration: none;
    }
  `,
];
