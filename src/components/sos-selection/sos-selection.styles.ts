import { css } from 'lit';
import { base, tokens } from '../../base/styles.js';
import { overlayDialog } from '../../base/dialog-styles.js';

export const styles = [
  tokens,
  base,
  overlayDialog,
  css`
    :host {
      --_dialog-width: 40em;
    }
    .panel {
      padding: calc(var(--_space) * 2);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: var(--_space);
    }
    h2 {
      margin: 0;
      font-size: 1.375em;
    }
    h3 {
      margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) / 2);
      font-size: 1.0625em;
    }
    .items {
      list-style: none;
      margin: var(--_space) 0;
      padding: 0;
    }
    .items li {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2) var(--_space);
      align-items: center;
      justify-content: space-between;
      padding: calc(var(--_space) / 2) 0;
      border-top: 1px solid var(--_border-subtle);
    }
    .item-text {
      flex: 1 1 14em;
      min-width: 0;
    }
    .item-text p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .name {
      font-weight: 600;
    }
    .place {
      color: var(--_muted);
      font-size: 0.9375em;
    }
    .item-actions, .footer {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) / 2);
    }
  `,
];
