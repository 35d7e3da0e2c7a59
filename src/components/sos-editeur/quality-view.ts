/** Step « Qualité »: a score per structure and overall (src/publish/quality.ts), what to fix first. */
import { html, nothing } from 'lit';
import type { SosEditeur } from './sos-editeur.js';
import type { EditeurStrings } from './sos-editeur.strings.js';
import { CRITERIA, quality, type Missing } from '../../publish/quality.js';
import { communeCentre, communeIndex } from './communes.js';

const PAGE = 50;
const shown = new WeakMap<SosEditeur, number>();
const WEIGHT = new Map(CRITERIA.map((c) => [c.criterion, c.weight]));

/**
 * What a structure lacks, in the workbench's language: the criterion, and for a part missing the
 * detail the core puts in its French label, told again from the points lost (a share of the weight).
 */
function missingLabel(t: EditeurStrings, m: Missing, offers: number): string {
  const label = t.criteria[m.criterion];
  const share = 1 - m.points / (WEIGHT.get(m.criterion) ?? 1);
  if (m.criterion === 'coordinates') {
    // Points kept: none without coordinates, a quarter at the commune's centre, half when approximate.
    return `${label}${t.colon}${share < 0.125 ? t.coordinatesNone : share < 0.375 ? t.coordinatesCentre : t.coordinatesApproximate}`;
  }
  if ((m.criterion === 'access' || m.criterion === 'cost') && share > 0 && offers) {
    return `${label}${t.colon}${t.offersWithout(Math.round(offers * (1 - share)), offers, m.criterion)}`;
  }
  return label;
}

export function qualityView(bench: SosEditeur) {
  const t = bench.t;
  const feed = bench.checked!.feed;
  if (!feed?.structures.length) return html`<h2>${t.tabs.qualite}</h2><p>${t.qualityNone}</p>`;
  const index = communeIndex(bench);
  const report = quality(feed.structures, { communeCentre: communeCentre(index) });
  const offers = new Map(feed.structures.map((s) => [s.id, s.offers.length]));
  const limit = shown.get(bench) ?? PAGE;
  return html`<h2>${t.tabs.qualite}</h2>
    <p class="summary">${t.overallScore} <strong>${Math.round(report.overall)} / 100</strong> ${t.overallOf(report.structures.length)}</p>
    <p class="hint">${t.qualityHint}</p>
    ${index ? nothing : html`<p class="hint">${t.communesLoading}</p>`}
    <h3>${t.fixFirst}</h3>
    <div class="scroll"><table>
      <caption>${t.fixFirstCaption}</caption>
      <thead><tr><th scope="col">${t.informationCol}</th><th scope="col" class="num">${t.concernedCol}</th><th scope="col" class="num">${t.pointsCol}</th></tr></thead>
      <tbody>${report.criteria.filter((c) => c.structures).map((c) => html`<tr><th scope="row">${t.criteria[c.criterion]}</th><td class="num">${c.structures}</td><td class="num">${Math.round(c.points)}</td></tr>`)}</tbody>
    </table></div>
    <h3>${t.perStructure}</h3>
    <div class="scroll"><table class="quality">
      <caption>${t.perStructureCaption}</caption>
      <thead><tr><th scope="col">${t.structureCol}</th><th scope="col" class="num">${t.scoreCol}</th><th scope="col">${t.missingCol}</th></tr></thead>
      <tbody>${report.structures.slice(0, limit).map((s) => html`<tr><th scope="row">${s.name}</th><td class="num">${Math.round(s.score)}</td><td>${s.missing.length ? s.missing.map((m) => missingLabel(t, m, offers.get(s.id) ?? 0)).join(t.semicolon) : t.complete}</td></tr>`)}</tbody>
    </table></div>
    ${report.structures.length > limit
      ? html`<p><button type="button" @click=${() => { shown.set(bench, limit + PAGE); bench.requestUpdate(); }}>${t.showMoreStructures(Math.min(PAGE, report.structures.length - limit))}</button></p>`
      : nothing}`;
}
