import { css } from 'lit';

/**
 * The overlay of the card and of « Ma sélection »: a modal `<dialog>` in the top layer, its width
 * set by each element with `--_dialog-width`. A module of its own: only those two lazy elements
 * import it, so none of it is in the page's initial JavaScript.
 */
export const overlayDialog = css`
  :host([overlay]) {
    display: contents;
  }
  dialog {
    width: min(var(--_dialog-width, 48em), calc(100vw - 16px));
    max-width: none;
    max-height: calc(100vh - 16px);
    max-height: calc(100dvh - 16px);
    margin: auto;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    overflow: auto;
    overscroll-behavior: contain;
    /* Shadows and the backdrop stay black at low opacity: they darken whatever lies beneath. */
    box-shadow: 0 8px 32px rgb(0 0 0 / 0.3);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
`;
