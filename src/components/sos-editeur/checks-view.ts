/**
 * Step 2, « Vérifier »: every problem at once, grouped by structure (its name), each pointing at
 * its spreadsheet row and column (or its JSON path in a feed), with the suggested fix one click
 * away. Applying a fix checks the whole file again. The messages and the suggestions are the
 * shared core's, in French in both languages (the CLI prints the same): marked `lang="fr"`.
 */
import { html, nothing } from 'lit';
import type { SosEditeur } from './sos-editeur.js';
import type { EditeurStrings } from './sos-editeur.strings.js';
import { counts } from './model.js';
import { groupByStructure, type Fix, type Problem } from '../../publish/problems.js';

/** Groups shown before « Afficher … autres structures » (a 10,000-structure feed stays quick). */
const PAGE = 40;
const shown = new WeakMap<SosEditeur, number>();

/** Where a problem (or a fix) is, in words: its row and column, or its JSON path. */
const where = (t: EditeurStrings, p: Pick<Problem, 'row' | 'column' | 'path'>) => t.where(p.row, p.column, p.path);

function fixButton(bench: SosEditeur, p: Problem, fix: Fix) {
  const t = bench.t;
  const at = where(t, fix.row !== undefined ? fix : p) || where(t, p);
  // Named by its content (no aria-label): the core's French label keeps its lang="fr", and the
  // name starts with the visible words; where it applies is said to screen readers after them.
  return html`<button type="button" class="apply" @click=${() => bench.applyFixes([fix], at)}>${t.apply}${t.colon}<span lang="fr">${fix.label}</span>${at ? html`<span class="visually-hidden"> (${at})</span>` : nothing}</button>`;
}

function problemItem(bench: SosEditeur, p: Problem) {
  const t = bench.t;
  const place = where(t, p);
  const path = p.path && p.row !== undefined ? ` (${p.path})` : '';
  return html`<li data-code=${p.code}>
    <span class="sev-${p.severity}">${p.severity === 'error' ? t.error : t.warning}</span>${place ? html` — <span class="where">${place}${path}</span>` : nothing}${t.colon}<span lang="fr">${p.message}</span>
    ${p.fixes?.length ? html`<span class="suggestion">${p.fixes.map((f) => fixButton(bench, p, f))}</span>` : nothing}
  </li>`;
}

export function checksView(bench: SosEditeur) {
  const t = bench.t;
  const checked = bench.checked!;
  const c = counts(checked);
  const groups = groupByStructure(checked.problems);
  const limit = shown.get(bench) ?? PAGE;
  // One fix per cell (an error and its remark may offer the same one), only unambiguous ones.
  const byCell = new Map<string, Fix>();
  for (const p of checked.problems) if (p.fixes?.length === 1) byCell.set(`${p.fixes[0]!.row}|${p.fixes[0]!.col}|${p.fixes[0]!.path}`, p.fixes[0]!);
  const allFixes = [...byCell.values()];
  const named = groups.filter((g) => g.structure).length;
  return html`<h2>${t.tabs.verifier}</h2>
    ${checked.fatal ? html`<p class="sev-error"><strong>${t.fatal}</strong> <span lang="fr">${checked.fatal}</span></p>` : nothing}
    ${c.errors + c.warnings === 0 && !checked.fatal
      ? html`<p class="summary ok">${t.checkNone}</p>`
      : html`<p class="summary">${t.checkSummary(c.errors, c.warnings, named)}</p>
          <p class="hint">${t.checkErrorsMean}</p>
          ${allFixes.length > 1 ? html`<p><button type="button" class="primary" @click=${() => bench.applyFixes(allFixes, '')}>${t.applyAll(allFixes.length)}</button></p>` : nothing}`}
    ${groups.slice(0, limit).map((g, i) => html`<section class="group" aria-labelledby="g-${i}">
      <h3 id="g-${i}">${g.structure ? g.structure.name || g.structure.id : t.general}${g.structure?.name ? html` <span class="hint">(${g.structure.id})</span>` : nothing}</h3>
      <ul class="problems">${g.problems.map((p) => problemItem(bench, p))}</ul>
    </section>`)}
    ${groups.length > limit
      ? html`<p><button type="button" @click=${() => { shown.set(bench, limit + PAGE); bench.requestUpdate(); }}>${t.showMore(Math.min(PAGE, groups.length - limit))}</button></p>`
      : nothing}`;
}
