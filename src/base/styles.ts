/**
 * Design tokens and the styles every element shares. Integrators theme through `--sos-*` custom
 * properties (they cross the shadow boundary) and `::part()`; nothing here uses `rem`, because a
 * host page's `html { font-size: 62.5% }` would shrink the widget.
 */
import { css, unsafeCSS } from 'lit';
import { CATEGORIES } from '../feed/taxonomy.js';

/**
 * `--care-color` for every element with `data-care="<code>"`, from the taxonomy. A rule in the
 * shadow stylesheet, not a style attribute: a host page's strict CSP refuses inline styles.
 */
export const careColors = unsafeCSS(CATEGORIES.map((c) => `[data-care='${c.code}'] { --care-color: ${c.color}; }`).join('\n'));

export const tokens = css`
  :host {
    --_primary: var(--sos-color-primary, #1d4f91);
    --_on-primary: var(--sos-color-on-primary, #ffffff);
    --_text: var(--sos-color-text, #1e1e1e);
    --_muted: var(--sos-color-muted, #4f4f4f);
    --_border: var(--sos-color-border, #858585);
    --_surface: var(--sos-color-surface, #ffffff);
    --_surface-alt: var(--sos-color-surface-alt, #f3f5f8);
    /* Light separators and result outlines: decorative (never the only sign of a control or a state). */
    --_border-subtle: var(--sos-color-border-subtle, #c9ced6);
    --_warning-bg: var(--sos-color-warning-bg, #fff4e0);
    --_warning-text: var(--sos-color-warning-text, #6b3a00);
    --_danger: var(--sos-color-danger, #b3261e);
    --_danger-bg: var(--sos-color-danger-bg, #fdecea);
    --_danger-text: var(--sos-color-danger-text, #7f1d1d);
    /* The « Gratuit » badge. */
    --_success-bg: var(--sos-color-success-bg, #e3f1e6);
    --_success-text: var(--sos-color-success-text, #1b5e20);
    /*
     * The selected structure on the map (marker, its label, the current row of a place's list).
     * The WebGL layers draw the same orange (SELECTED in sos-map/map-view.ts): keep them in step.
     */
    --_selected: var(--sos-color-selected, #c2410c);
    --_on-selected: var(--sos-color-on-selected, #ffffff);
    --_focus: var(--sos-color-focus, #0a5fd6);
    --_radius: var(--sos-radius, 6px);
    --_space: var(--sos-space, 8px);
    --_font: var(--sos-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--sos-font-size, 16px);
  }
  /*
   * theme="dsfr": the French State design system's look, for public-sector sites. It sets the
   * public variables, which inherit into the elements inside (form, list, map, card); a value an
   * integrator sets on the element itself still wins. Text/background pairs keep at least 4.5:1
   * (danger 4.96, success 4.95, warning 4.95). The selected marker keeps its orange: the map's
   * WebGL layers do not follow the theme.
   */
  :host([theme='dsfr']) {
    --sos-color-primary: #000091;
    --sos-color-text: #161616;
    --sos-color-muted: #3a3a3a;
    --sos-color-border: #929292;
    --sos-color-border-subtle: #dddddd;
    --sos-color-surface-alt: #f6f6f6;
    --sos-color-focus: #0a76f6;
    --sos-color-danger: #ce0500;
    --sos-color-danger-bg: #ffe9e9;
    --sos-color-danger-text: #ce0500;
    --sos-color-success-bg: #b8fec9;
    --sos-color-success-text: #18753c;
    --sos-color-warning-bg: #ffe9e6;
    --sos-color-warning-text: #b34000;
    --sos-radius: 4px;
    --sos-font-family: Marianne, arial, sans-serif;
  }
`;

/** Resets what leaks in from the host page through inheritance, and the shared controls. */
export const base = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    color: var(--_text);
    text-align: start;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
  }
  :host([hidden]) {
    display: none;
  }
  *, *::before, *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button, .button {
    font: inherit;
    font-size: 0.9375em;
    line-height: 1.3;
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 44px;
    padding: 0.5em 1em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    cursor: pointer;
    text-decoration: none;
  }
  button:hover, .button:hover {
    background: var(--_surface-alt);
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button.primary:hover {
    filter: brightness(1.15);
  }
  button.link {
    border: 0;
    background: none;
    padding: 0.25em 0;
    min-height: 0;
    text-decoration: underline;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  a {
    color: var(--_primary);
  }
  input, select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-height: 44px;
    padding: 0.4em 0.6em;
  }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** A care chip: the category's colour as an accent, the text stays dark for contrast. */
export const chips = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    font-size: 0.8125em;
    line-height: 1.3;
    padding: 0.15em 0.6em 0.15em 0.45em;
    border: 1px solid var(--_border);
    border-left: 5px solid var(--care-color, var(--_primary));
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .badge {
    display: inline-block;
    font-size: 0.8125em;
    font-weight: 600;
    padding: 0.1em 0.5em;
    border-radius: var(--_radius);
    background: var(--_success-bg);
    color: var(--_success-text);
  }
`;
