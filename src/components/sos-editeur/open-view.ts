/** Step 1, « Ouvrir »: a file from the computer, the published feed at its address, or the blank template. */
import { html, nothing } from 'lit';
import type { SosEditeur } from './sos-editeur.js';
import { counts, emptyTemplate } from './model.js';
import { download, XLSX_TYPE } from './download.js';
import { csvBytes, writeCsv } from '../../publish/csv.js';

export function openView(bench: SosEditeur) {
  const t = bench.t;
  const onFile = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void bench.openFromFile(file);
    input.value = ''; // the same file again (after editing it in Excel) is a new change
  };
  const onUrl = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    void bench.openFromUrl((form.elements.namedItem('url') as HTMLInputElement).value);
  };
  const template = emptyTemplate();
  const templateCsv = () => download('modele-annuaire-sos.csv', new Blob([csvBytes(writeCsv(template.header, template.rows.map((r) => r.cells))) as BlobPart], { type: "text/csv" }));
  const templateXlsx = () => void bench.run(async () => {
    const { writeXlsx } = await import('../../publish/xlsx.js');
    download('modele-annuaire-sos.xlsx', new Blob([(await writeXlsx(template)) as BlobPart], { type: XLSX_TYPE }));
  });
  const c = bench.checked ? counts(bench.checked) : undefined;
  const work = bench.work;
  return html`<h2>${t.openTitle}</h2>
    <p>${t.openIntro}</p>
    ${work && c
      ? html`<p class="summary"><strong>${t.current}</strong> ${t.currentSummary(work.source.format === 'template' ? t.templateName : work.name, c.structures, c.offers, t.source(work.source))}</p>`
      : nothing}
    <fieldset>
      <legend>${t.fileLegend}</legend>
      <label for="file">${t.fileLabel}</label>
      <input id="file" type="file" accept=".xlsx,.csv,.txt,.json,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="file-hint" ?disabled=${bench.busy} @change=${onFile} />
      <p class="hint" id="file-hint">${t.fileHint}</p>
    </fieldset>
    <fieldset>
      <legend>${t.urlLegend}</legend>
      <form @submit=${onUrl}>
        <label for="url">${t.urlLabel}</label>
        <div class="row">
          <input id="url" name="url" type="url" inputmode="url" autocomplete="url" .value=${bench.src} aria-describedby="url-hint" placeholder="https://…/annuaire-sos.json" />
          <button type="submit" ?disabled=${bench.busy}>${t.urlOpen}</button>
        </div>
        <p class="hint" id="url-hint">${t.urlHint}</p>
      </form>
      ${bench.reference ? html`<p>${t.referenceLoaded(bench.reference.name, bench.reference.feed.structures.length)}</p>` : nothing}
    </fieldset>
    <fieldset>
      <legend>${t.templateLegend}</legend>
      <div class="row">
        <button type="button" @click=${() => bench.startTemplate()}>${t.templateStart}</button>
        <button type="button" @click=${templateXlsx}>${t.templateXlsx}</button>
        <button type="button" @click=${templateCsv}>${t.templateCsv}</button>
      </div>
    </fieldset>`;
}
