/**
 * The pieces of the filter panel: a disclosure (`<details>`/`<summary>`, keyboard and screen-reader
 * support for free) whose summary shows how many of its options are active, and groups of
 * checkboxes (`<fieldset>`/`<legend>`) whose labels show how many structures each option gives.
 * Rendered into the form's own shadow root (plain template functions, not elements).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../i18n/format.js';
import { formatCount } from '../../i18n/format.js';
import type { SearchFormStrings } from './sos-search-form.strings.js';

export interface FilterOption {
  code: string;
  /** Text only: some labels come from the feed. */
  label: string;
  /** Structures this option would give. */
  count: number;
  checked: boolean;
}

export interface Ctx {
  lang: Lang;
  t: SearchFormStrings;
  /** Groups the visitor opened (their content, and so the per-option counts, is rendered only then). */
  open: ReadonlySet<string>;
  /** Called when a group opens or closes. */
  toggled(name: string, open: boolean): void;
}

/** "(4)" on screen, "(4 structures)" for a screen reader. */
export function countLabel(n: number, { lang, t }: Ctx): TemplateResult {
  return html`<span class="count">(${formatCount(n, lang)}<span class="visually-hidden">${t.structures(n)}</span>)</span>`;
}

export function activeBadge(n: number, { lang, t }: Ctx): TemplateResult | typeof nothing {
  if (!n) return nothing;
  return html`<span class="badge"><span class="visually-hidden">, </span>${formatCount(n, lang)}<span class="visually-hidden">${t.active(n)}</span></span>`;
}

/** A group of checkboxes; `onToggle` gets the option's code and its new state. */
export function checkboxes(
  legend: string,
  options: readonly FilterOption[],
  onToggle: (code: string, checked: boolean) => void,
  ctx: Ctx,
  legendVisible = false,
): TemplateResult {
  return html`<fieldset class="checkboxes">
    <legend class=${legendVisible ? 'group-legend' : 'visually-hidden'}>${legend}</legend>
    ${options.map(
      (o) => html`<label class="option">
        <input type="checkbox" .checked=${o.checked} data-code=${o.code}
          @change=${(e: Event) => onToggle(o.code, (e.target as HTMLInputElement).checked)} />
        <span class="option-text">${o.label} ${countLabel(o.count, ctx)}</span>
      </label>`,
    )}
  </fieldset>`;
}

/**
 * A collapsible group. Its content is built only while it is open: counting the structures of
 * every option is a pass over all offers, worth doing for the options a visitor can see only.
 * The open state is the visitor's: it follows the `toggle` event and is never forced.
 */
export function disclosure(
  name: string,
  summary: string,
  activeCount: number,
  content: () => TemplateResult | TemplateResult[],
  ctx: Ctx,
): TemplateResult {
  const open = ctx.open.has(name);
  return html`<details class="group" data-filter=${name} ?open=${open}
    @toggle=${(e: Event) => ctx.toggled(name, (e.currentTarget as HTMLDetailsElement).open)}>
    <summary><span class="summary-text">${summary}</span>${activeBadge(activeCount, ctx)}</summary>
    <div class="group-body">${open ? content() : nothing}</div>
  </details>`;
}
