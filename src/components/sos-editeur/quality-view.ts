/** Step « Qualité »: a score per structure and overall (src/publish/quality.ts), what to fix first. */
import { html, nothing } from 'lit';
import type { SosEditeur } from './sos-editeur.js';
import { quality } from '../../publish/quality.js';
import { communeCentre, communeIndex } from './communes.js';

const PAGE = 50;
const shown = new WeakMap<SosEditeur, number>();

export function qualityView(bench: SosEditeur) {
  const feed = bench.checked!.feed;
  if (!feed?.structures.length) return html`<h2>Qualité</h2><p>Aucune structure à évaluer : voir l’étape « Vérifier ».</p>`;
  const index = communeIndex(bench);
  const report = quality(feed.structures, { communeCentre: communeCentre(index) });
  const limit = shown.get(bench) ?? PAGE;
  return html`<h2>Qualité</h2>
    <p class="summary">Score d’ensemble : <strong>${Math.round(report.overall)} / 100</strong> sur ${report.structures.length} structures.</p>
    <p class="hint">Chaque structure gagne des points pour ce qui aide une personne à la joindre et à s’y rendre : téléphone ou courriel, coordonnées précises, adresse, horaires, conditions d’accès, coût, description.${index ? '' : ' (Chargement des communes pour repérer les structures placées au centre de leur commune…)'}</p>
    <h3>À compléter d’abord</h3>
    <div class="scroll"><table>
      <caption>Ce qui rapporterait le plus de points</caption>
      <thead><tr><th scope="col">Information</th><th scope="col" class="num">Structures concernées</th><th scope="col" class="num">Points à gagner</th></tr></thead>
      <tbody>${report.criteria.filter((c) => c.structures).map((c) => html`<tr><th scope="row">${c.label}</th><td class="num">${c.structures}</td><td class="num">${Math.round(c.points)}</td></tr>`)}</tbody>
    </table></div>
    <h3>Par structure, les moins complètes d’abord</h3>
    <div class="scroll"><table class="quality">
      <caption>Score de chaque structure et ce qui lui manque</caption>
      <thead><tr><th scope="col">Structure</th><th scope="col" class="num">Score</th><th scope="col">Ce qui manque</th></tr></thead>
      <tbody>${report.structures.slice(0, limit).map((s) => html`<tr><th scope="row">${s.name}</th><td class="num">${Math.round(s.score)}</td><td>${s.missing.length ? s.missing.map((m) => m.label).join(' ; ') : 'complet'}</td></tr>`)}</tbody>
    </table></div>
    ${report.structures.length > limit
      ? html`<p><button type="button" @click=${() => { shown.set(bench, limit + PAGE); bench.requestUpdate(); }}>Afficher ${Math.min(PAGE, report.structures.length - limit)} structures de plus</button></p>`
      : nothing}`;
}
