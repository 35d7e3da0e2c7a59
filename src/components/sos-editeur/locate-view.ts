/**
 * Step 3, « Localiser »: structures without coordinates, or placed at their commune's centre (a
 * copy of the commune's position, not of the address), get coordinates from their address
 * through the national address geocoder. Good matches are written into the table; weak ones
 * (score under 0.6) are shown for a look and applied only on request.
 */
import { html, nothing } from 'lit';
import type { SosEditeur } from './sos-editeur.js';
import type { FeedStructure } from '../../feed/schema.js';
import type { CommuneIndex } from '../../geo/communes.js';
import { communeIndex, communeOf } from './communes.js';
import { geocode, WEAK_SCORE, type GeocodeResult } from './geocode.js';
import { setStructureCells } from './cells.js';

/** Within this many degrees (≈ 600 m) of the commune's centroid: « au centre de la commune ». */
const CENTRE = 0.006;

export type Placement = 'missing' | 'centre';

/** Structures to locate, with why. */
export function toLocate(structures: readonly FeedStructure[], index: CommuneIndex | undefined): { s: FeedStructure; why: Placement }[] {
  const out: { s: FeedStructure; why: Placement }[] = [];
  for (const s of structures) {
    if (!s.location) out.push({ s, why: 'missing' });
    else if (index) {
      const c = communeOf(index, s);
      if (c && Math.abs(c.lat - s.location.lat) < CENTRE && Math.abs(c.lon - s.location.lon) < CENTRE) out.push({ s, why: 'centre' });
    }
  }
  return out;
}

async function locate(bench: SosEditeur, list: { s: FeedStructure }[]): Promise<void> {
  const addresses = list.map(({ s }) => ({ id: s.id, line: s.address.line ?? '', postalCode: s.address.postalCode, city: s.address.city, insee: s.address.insee }));
  bench.say(bench.t.locating(addresses.length));
  const results = await bench.run(() => geocode(bench.geocoderUrl, addresses, bench.t.geocoder));
  if (!results) return;
  const edits = new Map<string, Record<string, string>>();
  for (const r of results.values()) if (!r.weak && r.lat !== undefined) edits.set(r.id, { latitude: String(r.lat), longitude: String(r.lon) });
  const geocoded = new Map(bench.geocoded);
  for (const r of results.values()) geocoded.set(r.id, r);
  bench.geocoded = geocoded;
  if (edits.size) bench.setTable(setStructureCells(bench.work!.table, edits));
  const weak = [...results.values()].filter((r) => r.weak).length;
  bench.say(bench.t.located(edits.size, weak));
}

function useAnyway(bench: SosEditeur, r: GeocodeResult, name: string): void {
  if (r.lat === undefined) return;
  bench.setTable(setStructureCells(bench.work!.table, new Map([[r.id, { latitude: String(r.lat), longitude: String(r.lon) }]])));
  bench.geocoded = new Map(bench.geocoded).set(r.id, { ...r, weak: false });
  bench.say(bench.t.coordinatesApplied(name, r.label));
}

export function locateView(bench: SosEditeur) {
  const t = bench.t;
  const score = (n: number) => t.decimal(n, 2, 2);
  const feed = bench.checked!.feed;
  const index = communeIndex(bench);
  const list = feed ? toLocate(feed.structures, index) : [];
  const names = new Map(feed?.structures.map((s) => [s.id, s.name]) ?? []);
  const results = [...bench.geocoded.values()];
  let host = bench.geocoderUrl;
  try {
    host = new URL(bench.geocoderUrl, document.baseURI).host;
  } catch { /* shown as typed */ }
  return html`<h2>${t.tabs.localiser}</h2>
    <p>${t.locateIntro}</p>
    <p class="hint">${t.locateSent(host, score(WEAK_SCORE))}</p>
    ${!index ? html`<p class="hint">${t.communesLoading}</p>` : nothing}
    ${list.length
      ? html`<div class="scroll"><table>
          <caption>${t.toLocate(list.length)}</caption>
          <thead><tr><th scope="col">${t.structureCol}</th><th scope="col">${t.addressCol}</th><th scope="col">${t.todayCol}</th></tr></thead>
          <tbody>${list.map(({ s, why }) => html`<tr><th scope="row">${s.name}</th><td>${[s.address.line, `${s.address.postalCode} ${s.address.city}`].filter(Boolean).join(', ')}</td><td>${why === 'missing' ? t.whyMissing : t.whyCentre}</td></tr>`)}</tbody>
        </table></div>
        <p><button type="button" class="primary" ?disabled=${bench.busy} @click=${() => void locate(bench, list)}>${t.locateButton(list.length)}</button></p>`
      : html`<p class="ok">${feed ? t.allLocated : t.locateNeedsFeed}</p>`}
    ${results.length
      ? html`<div class="scroll"><table class="results">
          <caption>${t.resultsCaption}</caption>
          <thead><tr><th scope="col">${t.structureCol}</th><th scope="col">${t.foundCol}</th><th scope="col" class="num">${t.scoreCol}</th><th scope="col">${t.resultCol}</th></tr></thead>
          <tbody>${results.map((r) => html`<tr class=${r.weak ? 'weak' : ''}>
            <th scope="row">${names.get(r.id) ?? r.id}</th>
            <td>${r.label || '—'}</td>
            <td class="num">${score(r.score)}</td>
            <td>${r.weak
              ? html`${r.lat === undefined ? t.notFound : t.weakMatch}
                  ${r.lat !== undefined ? html`<button type="button" @click=${() => useAnyway(bench, r, names.get(r.id) ?? r.id)}>${t.useAnyway}<span class="visually-hidden">${t.useAnywayFor(names.get(r.id) ?? r.id)}</span></button>` : nothing}`
              : html`<span class="ok">${t.appliedCell}</span> (${t.point(r.lat!, r.lon!)})`}</td>
          </tr>`)}</tbody>
        </table></div>`
      : nothing}`;
}
