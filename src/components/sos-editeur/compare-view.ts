/**
 * Step « Comparer »: what changed between the published feed (or any older file) and the work,
 * structures and offers added, removed and changed, field by field (src/publish/diff.ts), to
 * review before publishing.
 */
import { html, nothing } from 'lit';
import type { SosEditeur } from './sos-editeur.js';
import { diffFeeds, showValue, type FieldChange, type OfferRef } from '../../publish/diff.js';

const PAGE = 50;

function changes(list: readonly FieldChange[]) {
  return html`<dl class="changes">${list.map((c) => html`<dt>${c.column ?? c.field}</dt><dd><del><span class="visually-hidden">avant : </span>${showValue(c.before)}</del> → <ins><span class="visually-hidden">après : </span>${showValue(c.after)}</ins></dd>`)}</dl>`;
}

const offers = (label: string, list: readonly OfferRef[]) => (list.length ? html`<p>${label} : ${list.map((o) => o.title).join(' ; ')}</p>` : nothing);

export function compareView(bench: SosEditeur) {
  const onFile = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void bench.openReference(file);
    input.value = '';
  };
  const chooser = html`<fieldset>
    <legend>Comparer avec</legend>
    <label for="ref-file">Un flux ou un tableur plus ancien (.json, .xlsx, .csv)</label>
    <input id="ref-file" type="file" accept=".json,.xlsx,.csv,.txt" @change=${onFile} />
    <p class="hint">Ou ouvrez le flux publié à son adresse (étape « Ouvrir ») : il devient la référence.</p>
  </fieldset>`;
  const ref = bench.reference;
  const feed = bench.checked!.feed;
  if (!ref || !feed) return html`<h2>Comparer</h2>${!feed ? html`<p>Le fichier ne donne pas encore de flux : voir l’étape « Vérifier ».</p>` : nothing}${chooser}`;
  const d = diffFeeds(ref.feed, feed);
  const { structures: s, offers: o } = d.counts;
  return html`<h2>Comparer</h2>
    <p class="summary">Par rapport à « ${ref.name} » : ${s.before} → ${s.after} structures (${s.added} ajoutée(s), ${s.removed} retirée(s), ${s.changed} modifiée(s)) ; ${o.before} → ${o.after} offres (${o.added} ajoutée(s), ${o.removed} retirée(s), ${o.changed} modifiée(s)).</p>
    ${d.publisher.length ? html`<h3>Éditeur</h3>${changes(d.publisher)}` : nothing}
    <h3>Structures ajoutées : ${d.added.length}</h3>
    ${d.added.length ? html`<ul>${d.added.slice(0, PAGE).map((x) => html`<li>${x.name} (${x.offers} offre(s))</li>`)}</ul>` : nothing}
    <h3>Structures retirées : ${d.removed.length}</h3>
    ${d.removed.length ? html`<ul>${d.removed.slice(0, PAGE).map((x) => html`<li>${x.name} (${x.offers} offre(s))</li>`)}</ul>` : nothing}
    ${d.removed.length > PAGE || d.added.length > PAGE ? html`<p class="hint">Listes limitées aux ${PAGE} premières.</p>` : nothing}
    <h3>Structures modifiées : ${d.changed.length}</h3>
    ${d.changed.slice(0, PAGE).map((c) => html`<section class="group change" aria-label=${c.name}>
      <h4>${c.name}</h4>
      ${c.changes.length ? changes(c.changes) : nothing}
      ${offers('Offres ajoutées', c.offersAdded)}
      ${offers('Offres retirées', c.offersRemoved)}
      ${c.offersChanged.map((x) => html`<p>Offre « ${x.title} » :</p>${changes(x.changes)}`)}
    </section>`)}
    ${chooser}`;
}
