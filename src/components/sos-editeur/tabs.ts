/**
 * The workbench's steps as ARIA tabs (WAI-ARIA Authoring Practices « Tabs with automatic
 * activation »): one tab stop, arrow keys move between steps, Home and End go to the first and
 * the last.
 */
import { html, nothing, type TemplateResult } from 'lit';

export type TabId = 'ouvrir' | 'verifier' | 'localiser' | 'qualite' | 'campagne' | 'comparer' | 'publier' | 'couverture';
/** The steps in order. */
export const TABS: readonly TabId[] = ['ouvrir', 'verifier', 'localiser', 'qualite', 'campagne', 'comparer', 'publier', 'couverture'];

export interface TabInfo {
  id: TabId;
  label: string;
  /** A count shown beside the label (problems to look at), when there are some. */
  count?: number;
  countLabel?: string;
}

/** The tab list; `select` is called with the tab to show (and focus moves to it). */
export function tabList(label: string, tabs: readonly TabInfo[], current: TabId, select: (id: TabId, focus: boolean) => void): TemplateResult {
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === current);
    const to = e.key === 'ArrowRight' ? (i + 1) % tabs.length
      : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? tabs.length - 1
      : -1;
    if (to < 0) return;
    e.preventDefault();
    select(tabs[to]!.id, true);
  };
  return html`<div role="tablist" aria-label=${label} @keydown=${onKey}>
    ${tabs.map((t, i) => html`<button type="button" role="tab" id="tab-${t.id}" aria-controls="panel-${t.id}"
        aria-selected=${t.id === current ? 'true' : 'false'} tabindex=${t.id === current ? 0 : -1}
        @click=${() => select(t.id, false)}>${i + 1}. ${t.label}${t.count
          ? html` <span class="count"><span aria-hidden="true">${t.count}</span><span class="visually-hidden">(${t.countLabel})</span></span>`
          : nothing}</button>`)}
  </div>`;
}
