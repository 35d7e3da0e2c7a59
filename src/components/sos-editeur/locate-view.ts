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

const fmt = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

async function locate(bench: SosEditeur, list: { s: FeedStructure }[]): Promise<void> {
  const addresses = list.map(({ s }) => ({ id: s.id, line: s.address.line ?? '', postalCode: s.address.postalCode, city: s.address.city, insee: s.address.insee }));
  bench.say(`Recherche des coordonnées de ${addresses.length} structure(s) auprès du géocodeur…`);
  const results = await bench.run(() => geocode(bench.geocoderUrl, addresses));
  if (!results) return;
  const edits = new Map<string, Record<string, string>>();
  for (const r of results.values()) if (!r.weak && r.lat !== undefined) edits.set(r.id, { latitude: String(r.lat), longitude: String(r.lon) });
  const geocoded = new Map(bench.geocoded);
  for (const r of results.values()) geocoded.set(r.id, r);
  bench.geocoded = geocoded;
  if (edits.size) bench.setTable(setStructureCells(bench.work!.table, edits));
  const weak = [...results.values()].filter((r) => r.weak).length;
  bench.say(`${edits.size} structure(s) localisée(s)${weak ? ` ; ${weak} résultat(s) faible(s) ou introuvable(s), à vérifier ci-dessous` : ''}.`);
}

function useAnyway(bench: SosEditeur, r: GeocodeResult, name: string): void {
  if (r.lat === undefined) return;
  bench.setTable(setStructureCells(bench.work!.table, new Map([[r.id, { latitude: String(r.lat), longitude: String(r.lon) }]])));
  bench.geocoded = new Map(bench.geocoded).set(r.id, { ...r, weak: false });
  bench.say(`Coordonnées de « ${name} » appliquées (${r.label}).`);
}

export function locateView(bench: SosEditeur) {
  const feed = bench.checked!.feed;
  const index = communeIndex(bench);
  const list = feed ? toLocate(feed.structures, index) : [];
  const names = new Map(feed?.structures.map((s) => [s.id, s.name]) ?? []);
  const results = [...bench.geocoded.values()];
  let host = bench.geocoderUrl;
  try {
    host = new URL(bench.geocoderUrl, document.baseURI).host;
  } catch { /* shown as typed */ }
  return html`<h2>Localiser</h2>
    <p>Une structure sans coordonnées n’apparaît pas sur la carte et ne peut pas être trouvée « près de » une commune ; placée au centre de sa commune, elle semble ailleurs qu’à son adresse. L’atelier demande ses coordonnées à la Base Adresse Nationale à partir de son adresse.</p>
    <p class="hint">Envoyé à ${host} : l’identifiant, la rue, le code postal, la commune et le code INSEE de chaque structure ci-dessous ; rien d’autre. Un résultat dont le score est inférieur à ${fmt(WEAK_SCORE)} est signalé et n’est pas appliqué sans votre accord.</p>
    ${!index ? html`<p class="hint">Chargement des communes (pour repérer les structures placées au centre de leur commune)…</p>` : nothing}
    ${list.length
      ? html`<div class="scroll"><table>
          <caption>${list.length} structure(s) à localiser</caption>
          <thead><tr><th scope="col">Structure</th><th scope="col">Adresse</th><th scope="col">Aujourd’hui</th></tr></thead>
          <tbody>${list.map(({ s, why }) => html`<tr><th scope="row">${s.name}</th><td>${[s.address.line, `${s.address.postalCode} ${s.address.city}`].filter(Boolean).join(', ')}</td><td>${why === 'missing' ? 'sans coordonnées' : 'au centre de la commune'}</td></tr>`)}</tbody>
        </table></div>
        <p><button type="button" class="primary" ?disabled=${bench.busy} @click=${() => void locate(bench, list)}>Chercher les coordonnées de ${list.length} structure(s)</button></p>`
      : html`<p class="ok">${feed ? 'Toutes les structures ont des coordonnées qui ne sont pas celles du centre de leur commune.' : 'Corrigez d’abord les erreurs (étape « Vérifier ») : le fichier ne donne pas encore de flux.'}</p>`}
    ${results.length
      ? html`<div class="scroll"><table class="results">
          <caption>Résultats du géocodeur</caption>
          <thead><tr><th scope="col">Structure</th><th scope="col">Adresse trouvée</th><th scope="col" class="num">Score</th><th scope="col">Résultat</th></tr></thead>
          <tbody>${results.map((r) => html`<tr class=${r.weak ? 'weak' : ''}>
            <th scope="row">${names.get(r.id) ?? r.id}</th>
            <td>${r.label || '—'}</td>
            <td class="num">${fmt(r.score)}</td>
            <td>${r.weak
              ? html`${r.lat === undefined ? 'Introuvable : vérifiez l’adresse.' : 'Correspondance faible : à vérifier.'}
                  ${r.lat !== undefined ? html`<button type="button" @click=${() => useAnyway(bench, r, names.get(r.id) ?? r.id)}>Utiliser quand même<span class="visually-hidden"> pour ${names.get(r.id) ?? r.id}</span></button>` : nothing}`
              : html`<span class="ok">Appliqué</span> (${r.lat!.toLocaleString("fr-FR", { maximumFractionDigits: 5 })} ; ${r.lon!.toLocaleString("fr-FR", { maximumFractionDigits: 5 })})`}</td>
          </tr>`)}</tbody>
        </table></div>`
      : nothing}`;
}
