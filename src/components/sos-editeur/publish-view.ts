/**
 * Step « Publier »: the public feed to download (private columns never in it; structures not
 * confirmed for more than 14 months left out unless kept on purpose), the working spreadsheet to
 * download (.xlsx or .csv, what was opened with its fixes: it reopens to the same feed), and the
 * directory previewed with the real widget on the result.
 *
 * Guard: a feed with no structure, or with fewer than half of those of the published feed (the
 * reference), is downloaded only after an explicit confirmation: a sheet that lost its rows must
 * not empty the directory on every partner site.
 */
import { html, nothing } from 'lit';
import type { SosEditeur } from './sos-editeur.js';
import type { Feed } from '../../feed/schema.js';
import { publicFeed, type PublicFeed } from '../../publish/publish.js';
import { csvBytes, writeCsv } from '../../publish/csv.js';
import type { EditeurStrings } from './sos-editeur.strings.js';
import { EMAIL, publisherEnvelope, type PublisherFields } from './publisher.js';
import { download, stamp, XLSX_TYPE } from './download.js';
import { loadPreviewWidget } from './preview-widget.js';

/** Structures to keep although over 14 months (by id), per workbench. */
const kept = new WeakMap<SosEditeur, Set<string>>();
const keptOf = (bench: SosEditeur) => kept.get(bench) ?? kept.set(bench, new Set()).get(bench)!;
/** The preview's blob: URL, per workbench. */
const previews = new WeakMap<SosEditeur, string>();
/** What the confirmation dialog is about. */
const pending = new WeakMap<SosEditeur, { text: string; feed: Feed }>();

/** The public feed (src/publish/publish.ts) with this workbench's publisher and kept structures. */
export function publicFeedOf(bench: SosEditeur): PublicFeed | undefined {
  const feed = bench.checked?.feed;
  const publisher = publisherEnvelope(bench.publisher);
  if (!feed || !publisher) return undefined;
  return publicFeed({ ...feed, publisher: publisher as Feed['publisher'] }, {
    today: new Date(`${bench.day}T12:00:00Z`),
    keep: [...keptOf(bench)],
    // The published feed when one is open, else the file's own structures (valid or not), as the
    // CLI's from-csv does: a sheet that lost most of its rows to errors is not published unasked.
    ...(bench.reference ? { compareWith: bench.reference.feed.structures.length } : bench.checked?.total ? { compareWith: bench.checked.total } : {}),
  });
}

/** Why this feed needs a confirmation before download, or undefined. */
export function guard(t: EditeurStrings, out: PublicFeed, reference?: { name: string; feed: Feed }, total?: number): string | undefined {
  const n = out.feed.structures.length;
  // The core refuses an empty feed outright (the CLI's exit 2); here the steward is asked, and warned.
  if (n === 0) return t.guardEmpty;
  if (out.guard.ok) return undefined;
  if (reference) return t.guardHalved(reference.name, reference.feed.structures.length, n);
  return total ? t.guardLostRows(total, n) : undefined;
}

const feedFileName = (bench: SosEditeur) => `annuaire-sos-${bench.publisher.id || 'flux'}.json`;

function saveFeed(bench: SosEditeur, published: Feed): void {
  const feed = { ...published, generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
  download(feedFileName(bench), `${JSON.stringify(feed, null, 2)}\n`, 'application/json');
  bench.say(bench.t.feedSaved(feedFileName(bench), feed.structures.length));
}

function publish(bench: SosEditeur): void {
  const out = publicFeedOf(bench);
  if (!out) {
    bench.say(!bench.checked?.feed ? bench.t.needFeed : bench.t.needPublisher, true);
    if (bench.checked?.feed) bench.renderRoot.querySelector<HTMLInputElement>('#pub-id')?.focus();
    return;
  }
  const why = guard(bench.t, out, bench.reference, bench.checked?.total);
  if (!why) return saveFeed(bench, out.feed);
  pending.set(bench, { text: why, feed: out.feed });
  bench.requestUpdate();
  void bench.updateComplete.then(() => {
    bench.renderRoot.querySelector<HTMLDialogElement>('dialog#confirm')?.showModal();
    bench.say(bench.t.confirmAsked);
  });
}

function closeDialog(bench: SosEditeur, confirmed: boolean): void {
  const dialog = bench.renderRoot.querySelector<HTMLDialogElement>('dialog#confirm');
  const p = pending.get(bench);
  dialog?.close();
  pending.delete(bench);
  if (confirmed && p) saveFeed(bench, p.feed);
  else bench.say(bench.t.downloadCancelled);
  bench.requestUpdate();
}

async function saveSheet(bench: SosEditeur, format: 'xlsx' | 'csv'): Promise<void> {
  const table = bench.work!.table;
  const base = `annuaire-sos-travail-${stamp(bench.day)}`;
  if (format === 'csv') {
    download(`${base}.csv`, new Blob([csvBytes(writeCsv(table.header, table.rows.map((r) => r.cells))) as BlobPart], { type: 'text/csv' }));
  } else {
    const ok = await bench.run(async () => {
      const { writeXlsx } = await import('../../publish/xlsx.js');
      const bytes = await writeXlsx(table, { numeric: ['latitude', 'longitude'].filter((h) => table.header.includes(h)) });
      download(`${base}.xlsx`, new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
      return true;
    });
    if (!ok) return;
  }
  bench.say(bench.t.sheetSaved(`${base}.${format}`));
}

async function preview(bench: SosEditeur): Promise<void> {
  const out = publicFeedOf(bench);
  if (!out) return publish(bench);
  const old = previews.get(bench);
  if (old) URL.revokeObjectURL(old);
  // The real widget, loaded only now from the widget build shipped beside the workbench
  // (preview-widget.ts), reading the result from a blob: URL.
  const ready = await bench.run(async () => {
    await loadPreviewWidget(bench.t.previewWidgetMissing);
    return true;
  });
  if (!ready) return;
  previews.set(bench, URL.createObjectURL(new Blob([JSON.stringify(out.feed)], { type: 'application/json' })));
  bench.requestUpdate();
  bench.say(bench.t.previewShown(out.feed.structures.length));
}

/** What is wrong with a publisher field as typed (said under it), or ''. */
function fieldProblem(t: EditeurStrings, key: keyof PublisherFields, value: string): string {
  if (!value) return key === 'id' || key === 'name' ? t.required : '';
  if (key === 'id' && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) return t.idFormat;
  if (key === 'region' && !/^\d{2}$/.test(value)) return t.regionFormat;
  if (key === 'email' && !EMAIL.test(value)) return t.emailInvalid;
  if (key === 'url' && !/^https?:\/\/\S+$/.test(value)) return t.urlInvalid;
  return '';
}

function field(bench: SosEditeur, key: keyof PublisherFields, type = 'text') {
  const t = bench.t;
  const onChange = (e: Event) => bench.setPublisher({ ...bench.publisher, [key]: (e.target as HTMLInputElement).value.trim() });
  const problem = fieldProblem(t, key, bench.publisher[key]);
  return html`<label for="pub-${key}">${t.fields[key].label}</label>
    <input id="pub-${key}" type=${type} .value=${bench.publisher[key]} aria-describedby="pub-${key}-hint pub-${key}-problem" aria-invalid=${problem && bench.publisher[key] ? 'true' : 'false'} @change=${onChange} />
    <p class="hint" id="pub-${key}-hint">${t.fields[key].hint}</p>
    <p class="sev-error" id="pub-${key}-problem">${bench.publisher[key] ? problem : ''}</p>`;
}

export function publishView(bench: SosEditeur) {
  const t = bench.t;
  const out = publicFeedOf(bench);
  const keep = keptOf(bench);
  const url = previews.get(bench);
  const p = pending.get(bench);
  const rejected = bench.checked!.problems.filter((x) => x.severity === 'error').length;
  const toggle = (id: string, on: boolean) => {
    if (on) keep.add(id);
    else keep.delete(id);
    bench.requestUpdate();
    bench.say(on ? t.kept : t.unkept);
  };
  const fatal = bench.checked!.fatal;
  return html`<h2>${t.tabs.publier}</h2>
    <fieldset>
      <legend>${t.publisherLegend}</legend>
      ${field(bench, 'id')}
      ${field(bench, 'name')}
      ${field(bench, 'region')}
      ${field(bench, 'email', 'email')}
      ${field(bench, 'url', 'url')}
      ${field(bench, 'license')}
      <p class="hint">${t.savedHere}</p>
    </fieldset>
    <h3>${t.publicFeed}</h3>
    ${out
      ? html`<p class="summary">${t.willPublish(out.feed.structures.length, out.feed.structures.reduce((n, s) => n + s.offers.length, 0))}
          ${t.privateNever}${rejected ? ` ${t.rejectedRows(rejected)}` : ''}</p>`
      : bench.checked!.feed
        ? html`<p>${t.enterPublisher}</p>`
        : html`<p>${t.noFeedYet}</p>${fatal ? html`<p class="sev-error"><strong>${t.fatal}</strong> <span lang="fr">${fatal}</span></p>` : nothing}`}
    ${out && out.leftOut.length + out.keptStale.length
      ? html`<fieldset>
          <legend>${t.staleLegend}</legend>
          <p class="hint">${t.staleHint}</p>
          ${[...out.keptStale, ...out.leftOut].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((s) => html`<label class="inline"><input type="checkbox" .checked=${keep.has(s.id)} @change=${(e: Event) => toggle(s.id, (e.target as HTMLInputElement).checked)} /> ${t.keep(s.name, s.verifiedAt)}</label>`)}
        </fieldset>`
      : nothing}
    ${bench.reference ? html`<p class="hint">${t.comparedWith(bench.reference.name, bench.reference.feed.structures.length)}</p>` : nothing}
    <div class="row">
      <button type="button" class="primary" @click=${() => publish(bench)}>${t.downloadFeed}</button>
      <button type="button" @click=${() => void preview(bench)}>${t.preview}</button>
    </div>
    <h3>${t.sheetTitle}</h3>
    <p>${t.sheetIntro}</p>
    <div class="row">
      <button type="button" @click=${() => void saveSheet(bench, 'xlsx')}>${t.downloadSheetXlsx}</button>
      <button type="button" @click=${() => void saveSheet(bench, 'csv')}>${t.downloadSheetCsv}</button>
    </div>
    ${url
      ? html`<section class="preview" aria-labelledby="preview-title">
          <h3 id="preview-title">${t.previewTitle}</h3>
          <sos-annuaire src=${url} lang=${bench.uiLang} variant="liste" url-state="off"></sos-annuaire>
        </section>`
      : nothing}
    <dialog id="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text" @cancel=${(e: Event) => { e.preventDefault(); closeDialog(bench, false); }}>
      <h3 id="confirm-title">${t.confirmTitle}</h3>
      <p id="confirm-text">${p?.text ?? ''}</p>
      <div class="row">
        <button type="button" autofocus @click=${() => closeDialog(bench, false)}>${t.cancel}</button>
        <button type="button" class="primary" @click=${() => closeDialog(bench, true)}>${t.confirmDownload}</button>
      </div>
    </dialog>`;
}
