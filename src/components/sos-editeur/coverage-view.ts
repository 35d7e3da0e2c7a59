/**
 * Step « Couverture », for the report to the ARS: département × category (structures and offers),
 * and per category the communes of the region farther than 20 km from any offer (« zones
 * blanches »), both downloadable as CSV. The computation is src/publish/coverage.ts, on the
 * widget's commune index (loaded here on demand).
 */
import { html, nothing } from 'lit';
import type { SosEditeur } from './sos-editeur.js';
import { coverage, coverageTable, whiteZonesTable } from '../../publish/coverage.js';
import { CATEGORIES } from '../../feed/taxonomy.js';
import { csvBytes, writeCsv } from '../../publish/csv.js';
import type { Table } from '../../publish/table.js';
import { communeIndex } from './communes.js';
import { download, stamp } from './download.js';
import { publisherEnvelope } from './publisher.js';

const save = (bench: SosEditeur, name: string, t: Table) => {
  download(`${name}-${stamp(bench.day)}.csv`, new Blob([csvBytes(writeCsv(t.header, t.rows.map((r) => r.cells))) as BlobPart], { type: 'text/csv' }));
  bench.say(`« ${name}-${stamp(bench.day)}.csv » téléchargé (${t.rows.length} lignes).`);
};

export function coverageView(bench: SosEditeur) {
  const feed = bench.checked!.feed;
  if (!feed?.structures.length) return html`<h2>Couverture</h2><p>Aucune structure : voir l’étape « Vérifier ».</p>`;
  const index = communeIndex(bench);
  if (!index) return html`<h2>Couverture</h2><p>Chargement des communes…</p>`;
  const region = (publisherEnvelope(bench.publisher) as { region?: string } | undefined)?.region;
  const c = coverage(feed.structures, { communes: index.communes, ...(region ? { region } : {}) });
  const cares = CATEGORIES.filter((k) => c.cells.some((x) => x.care === k.code && x.offers));
  const cell = (dep: string, care: string) => c.cells.find((x) => x.department === dep && x.care === care);
  return html`<h2>Couverture</h2>
    <p>Départements : ${c.departments.join(', ')}${region ? ` (région ${region})` : ' (ceux des structures : indiquez le code de la région à l’étape « Publier » pour toute la région)'}. Une commune est en « zone blanche » pour un soin quand aucune offre sur place n’est à moins de ${c.radiusKm} km de son centre (ni une offre à domicile qui la dessert).</p>
    <div class="row">
      <button type="button" @click=${() => save(bench, 'couverture-departements', coverageTable(c))}>Télécharger le tableau (.csv)</button>
      <button type="button" @click=${() => save(bench, 'zones-blanches', whiteZonesTable(c))}>Télécharger les zones blanches (.csv)</button>
    </div>
    <div class="scroll"><table class="coverage">
      <caption>Structures / offres par département et par soin</caption>
      <thead><tr><th scope="col">Soin</th>${c.departments.map((d) => html`<th scope="col" class="num">${d}</th>`)}</tr></thead>
      <tbody>${cares.map((k) => html`<tr><th scope="row">${k.label.fr}</th>${c.departments.map((d) => {
        const x = cell(d, k.code);
        return html`<td class="num">${x ? `${x.structures} / ${x.offers}` : '0 / 0'}</td>`;
      })}</tr>`)}</tbody>
    </table></div>
    <h3>Zones blanches (communes à plus de ${c.radiusKm} km d’une offre)</h3>
    <ul>${c.whiteZones.map((z) => html`<li>${z.careLabel} : ${z.communes.length} commune(s)${z.communes.length
      ? html` — par exemple ${z.communes.slice(0, 5).map((w) => `${w.name} (${w.department}${w.nearestKm === null ? '' : `, ${w.nearestKm} km`})`).join(', ')}`
      : nothing}</li>`)}</ul>`;
}
