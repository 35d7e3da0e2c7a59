import { css } from 'lit';
import { base, tokens } from '../../base/styles.js';

export const styles = [
  tokens,
  base,
  css`
    :host {
      display: block;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2);
      align-items: center;
    }
    /* The links look like the buttons beside them: three ways of doing the same thing. */
    .actions a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0 0.75em;
      border: 1px solid var(--_primary);
      border-radius: var(--_radius);
      color: var(--_primary);
      text-decoration: none;
    }
    .actions a:hover {
      text-decoration: underline;
    }
    .status {
      margin: 0.5em 0 0;
    }
    .status:empty {
      display: none;
    }
    label {
      display: block;
      margin-top: 0.5em;
    }
    input {
      display: block;
      width: 100%;
      margin-top: 0.25em;
    }
    @media print {
      :host {
        display: none !important;
      }
    }
  `,
];
