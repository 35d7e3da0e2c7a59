/**
 * Step « Couverture », for the report to the ARS: département × category (structures and offers),
 * and per category the communes of the region farther than 20 km from any offer (« zones
 * blanches »), both downloadable as CSV. The computation is src/publish/coverage.ts, on the
 * widget's commune index (loaded here on demand). The CSV files keep the core's French columns.
 */
import { html, nothing } from 'lit';
import type { SosEditeur } from './sos-editeur.js';
import { coverage, coverageTable, whiteZonesTable } from '../../publish/coverage.js';
import { CATEGORIES, category } from '../../feed/taxonomy.js';
import { csvBytes, writeCsv } from '../../publish/csv.js';
import type { Table } from '../../publish/table.js';
import { communeIndex } from './communes.js';
import { download, stamp } from './download.js';
import { publisherEnvelope } from './publisher.js';

const save = (bench: SosEditeur, name: string, table: Table) => {
  const file = `${name}-${stamp(bench.day)}.csv`;
  download(file, new Blob([csvBytes(writeCsv(table.header, table.rows.map((r) => r.cells))) as BlobPart], { type: 'text/csv' }));
  bench.say(bench.t.csvSaved(file, table.rows.length));
};

export function coverageView(bench: SosEditeur) {
  const t = bench.t;
  const lang = bench.uiLang;
  const feed = bench.checked!.feed;
  if (!feed?.structures.length) return html`<h2>${t.tabs.couverture}</h2><p>${t.coverageNone}</p>`;
  const index = communeIndex(bench);
  if (!index) return html`<h2>${t.tabs.couverture}</h2><p>${t.communesLoadingShort}</p>`;
  const region = (publisherEnvelope(bench.publisher) as { region?: string } | undefined)?.region;
  const c = coverage(feed.structures, { communes: index.communes, ...(region ? { region } : {}) });
  const cares = CATEGORIES.filter((k) => c.cells.some((x) => x.care === k.code && x.offers));
  const cell = (dep: string, care: string) => c.cells.find((x) => x.department === dep && x.care === care);
  const careLabel = (code: string, fr: string) => category(code)?.label[lang] ?? fr;
  return html`<h2>${t.tabs.couverture}</h2>
    <p>${t.departments(c.departments.join(', '), region, c.radiusKm)}</p>
    <div class="row">
      <button type="button" @click=${() => save(bench, 'couverture-departements', coverageTable(c))}>${t.downloadCoverage}</button>
      <button type="button" @click=${() => save(bench, 'zones-blanches', whiteZonesTable(c))}>${t.downloadWhiteZones}</button>
    </div>
    <div class="scroll"><table class="coverage">
      <caption>${t.coverageCaption}</caption>
      <thead><tr><th scope="col">${t.careCol}</th>${c.departments.map((d) => html`<th scope="col" class="num">${d}</th>`)}</tr></thead>
      <tbody>${cares.map((k) => html`<tr><th scope="row">${k.label[lang]}</th>${c.departments.map((d) => {
        const x = cell(d, k.code);
        return html`<td class="num">${x ? `${x.structures} / ${x.offers}` : '0 / 0'}</td>`;
      })}</tr>`)}</tbody>
    </table></div>
    <h3>${t.whiteZones(c.radiusKm)}</h3>
    <ul>${c.whiteZones.map((z) => html`<li>${t.whiteZoneLine(careLabel(z.care, z.careLabel), z.communes.length)}${z.communes.length
      ? html`${t.forExample}${z.communes.slice(0, 5).map((w) => t.commune(w.name, w.department, w.nearestKm)).join(', ')}`
      : nothing}</li>`)}</ul>`;
}
