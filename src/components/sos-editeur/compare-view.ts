/**
 * Step « Comparer »: what changed between the published feed (or any older file) and the work,
 * structures and offers added, removed and changed, field by field (src/publish/diff.ts), to
 * review before publishing. Fields are named by their spreadsheet column (`telephone`).
 */
import { html, nothing } from 'lit';
import type { SosEditeur } from './sos-editeur.js';
import type { EditeurStrings } from './sos-editeur.strings.js';
import { diffFeeds, type FieldChange, type OfferRef } from '../../publish/diff.js';

const PAGE = 50;

/** A value compared, on one line: quoted text, yes or no, lists joined, (vide) for nothing (as the core's showValue, in the workbench's language). */
export function showValue(t: EditeurStrings, v: unknown): string {
  if (v === undefined || v === null || v === '') return t.emptyValue;
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (typeof v === 'number') return t.decimal(v, 0, 10);
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' | ') : t.emptyValue;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  const flat = s.replace(/\s*\n\s*/g, ' ⏎ ');
  return t.quote(flat.length > 120 ? `${flat.slice(0, 119)}…` : flat);
}

function changes(t: EditeurStrings, list: readonly FieldChange[]) {
  return html`<dl class="changes">${list.map((c) => html`<dt>${c.column ?? c.field}</dt><dd><del><span class="visually-hidden">${t.before}</span>${showValue(t, c.before)}</del> → <ins><span class="visually-hidden">${t.after}</span>${showValue(t, c.after)}</ins></dd>`)}</dl>`;
}

const offers = (t: EditeurStrings, label: string, list: readonly OfferRef[]) => (list.length ? html`<p>${label}${t.colon}${list.map((o) => o.title).join(t.semicolon)}</p>` : nothing);

export function compareView(bench: SosEditeur) {
  const t = bench.t;
  const onFile = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void bench.openReference(file);
    input.value = '';
  };
  const chooser = html`<fieldset>
    <legend>${t.compareWith}</legend>
    <label for="ref-file">${t.refFileLabel}</label>
    <input id="ref-file" type="file" accept=".json,.xlsx,.csv,.txt" @change=${onFile} />
    <p class="hint">${t.refHint}</p>
  </fieldset>`;
  const ref = bench.reference;
  const feed = bench.checked!.feed;
  if (!ref || !feed) return html`<h2>${t.tabs.comparer}</h2>${!feed ? html`<p>${t.noFeedYet}</p>` : nothing}${chooser}`;
  const d = diffFeeds(ref.feed, feed);
  const withOffers = (x: { name: string; offers: number }) => html`<li>${t.withOffers(x.name, x.offers)}</li>`;
  return html`<h2>${t.tabs.comparer}</h2>
    <p class="summary">${t.compareSummary(ref.name, d.counts.structures, d.counts.offers)}</p>
    ${d.publisher.length ? html`<h3>${t.publisherChanges}</h3>${changes(t, d.publisher)}` : nothing}
    <h3>${t.structuresAdded(d.added.length)}</h3>
    ${d.added.length ? html`<ul>${d.added.slice(0, PAGE).map(withOffers)}</ul>` : nothing}
    <h3>${t.structuresRemoved(d.removed.length)}</h3>
    ${d.removed.length ? html`<ul>${d.removed.slice(0, PAGE).map(withOffers)}</ul>` : nothing}
    ${d.removed.length > PAGE || d.added.length > PAGE ? html`<p class="hint">${t.listsCapped(PAGE)}</p>` : nothing}
    <h3>${t.structuresChanged(d.changed.length)}</h3>
    ${d.changed.slice(0, PAGE).map((c) => html`<section class="group change" aria-label=${c.name}>
      <h4>${c.name}</h4>
      ${c.changes.length ? changes(t, c.changes) : nothing}
      ${offers(t, t.offersAdded, c.offersAdded)}
      ${offers(t, t.offersRemoved, c.offersRemoved)}
      ${c.offersChanged.map((x) => html`<p>${t.offerChanged(x.title)}</p>${changes(t, x.changes)}`)}
    </section>`)}
    ${chooser}`;
}
