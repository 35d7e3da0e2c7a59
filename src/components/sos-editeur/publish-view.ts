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
import { EMAIL, publisherEnvelope, type PublisherFields } from './publisher.js';
import { download, stamp, XLSX_TYPE } from './download.js';

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
    ...(bench.reference ? { compareWith: bench.reference.feed.structures.length } : {}),
  });
}

/** Why this feed needs a confirmation before download, or undefined. */
export function guard(out: PublicFeed, reference?: { name: string; feed: Feed }): string | undefined {
  const n = out.feed.structures.length;
  // The core refuses an empty feed outright (the CLI's exit 2); here the steward is asked, and warned.
  if (n === 0) return 'Ce flux ne contient aucune structure : publié, il viderait l’annuaire sur tous les sites partenaires.';
  if (out.guard.ok || !reference) return undefined;
  const before = reference.feed.structures.length;
  return `Le flux publié (« ${reference.name} ») compte ${before} structures ; celui-ci n’en a que ${n}, moins de la moitié. Publié, il retirerait ${before - n} structures de l’annuaire sur tous les sites partenaires.`;
}

const feedFileName = (bench: SosEditeur) => `annuaire-sos-${bench.publisher.id || 'flux'}.json`;

function saveFeed(bench: SosEditeur, published: Feed): void {
  const feed = { ...published, generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
  download(feedFileName(bench), `${JSON.stringify(feed, null, 2)}\n`, 'application/json');
  bench.say(`Flux public téléchargé : « ${feedFileName(bench)} », ${feed.structures.length} structures. Déposez-le à l’adresse du flux publié pour mettre à jour l’annuaire sur tous les sites partenaires.`);
}

function publish(bench: SosEditeur): void {
  const out = publicFeedOf(bench);
  if (!out) {
    bench.say(!bench.checked?.feed ? 'Le fichier ne donne pas encore de flux : corrigez les erreurs (étape « Vérifier »).' : 'Renseignez l’identifiant et le nom de l’éditeur du flux avant de publier.', true);
    if (bench.checked?.feed) bench.renderRoot.querySelector<HTMLInputElement>('#pub-id')?.focus();
    return;
  }
  const why = guard(out, bench.reference);
  if (!why) return saveFeed(bench, out.feed);
  pending.set(bench, { text: why, feed: out.feed });
  bench.requestUpdate();
  void bench.updateComplete.then(() => {
    bench.renderRoot.querySelector<HTMLDialogElement>('dialog#confirm')?.showModal();
    bench.say('Confirmation demandée avant de télécharger ce flux.');
  });
}

function closeDialog(bench: SosEditeur, confirmed: boolean): void {
  const dialog = bench.renderRoot.querySelector<HTMLDialogElement>('dialog#confirm');
  const p = pending.get(bench);
  dialog?.close();
  pending.delete(bench);
  if (confirmed && p) saveFeed(bench, p.feed);
  else bench.say('Téléchargement du flux annulé.');
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
  bench.say(`Tableur de travail téléchargé : « ${base}.${format} » (colonnes privées comprises : il reste sur votre ordinateur).`);
}

async function preview(bench: SosEditeur): Promise<void> {
  const out = publicFeedOf(bench);
  if (!out) return publish(bench);
  const old = previews.get(bench);
  if (old) URL.revokeObjectURL(old);
  // The real widget, loaded only now (a chunk of its own), reading the result from a blob: URL.
  await bench.run(() => import('../sos-annuaire/sos-annuaire.js'));
  previews.set(bench, URL.createObjectURL(new Blob([JSON.stringify(out.feed)], { type: 'application/json' })));
  bench.requestUpdate();
  bench.say(`Aperçu de l’annuaire avec ce flux : ${out.feed.structures.length} structures.`);
}

/** What is wrong with a publisher field as typed (said under it), or ''. */
function fieldProblem(key: keyof PublisherFields, value: string): string {
  if (!value) return key === 'id' || key === 'name' ? 'À renseigner.' : '';
  if (key === 'id' && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) return 'Seulement des minuscules sans accents, des chiffres et des tirets.';
  if (key === 'region' && !/^\d{2}$/.test(value)) return 'Deux chiffres : ce code ne sera pas publié.';
  if (key === 'email' && !EMAIL.test(value)) return 'Adresse invalide : elle ne sera pas publiée.';
  if (key === 'url' && !/^https?:\/\/\S+$/.test(value)) return 'Adresse http ou https attendue : elle ne sera pas publiée.';
  return '';
}

function field(bench: SosEditeur, key: keyof PublisherFields, label: string, hint: string, type = 'text') {
  const onChange = (e: Event) => bench.setPublisher({ ...bench.publisher, [key]: (e.target as HTMLInputElement).value.trim() });
  const problem = fieldProblem(key, bench.publisher[key]);
  return html`<label for="pub-${key}">${label}</label>
    <input id="pub-${key}" type=${type} .value=${bench.publisher[key]} aria-describedby="pub-${key}-hint pub-${key}-problem" aria-invalid=${problem && bench.publisher[key] ? 'true' : 'false'} @change=${onChange} />
    <p class="hint" id="pub-${key}-hint">${hint}</p>
    <p class="sev-error" id="pub-${key}-problem">${bench.publisher[key] ? problem : ''}</p>`;
}

export function publishView(bench: SosEditeur) {
  const out = publicFeedOf(bench);
  const keep = keptOf(bench);
  const url = previews.get(bench);
  const p = pending.get(bench);
  const rejected = bench.checked!.problems.filter((x) => x.severity === 'error').length;
  const toggle = (id: string, on: boolean) => {
    if (on) keep.add(id);
    else keep.delete(id);
    bench.requestUpdate();
    bench.say(on ? 'Structure gardée dans le flux publié.' : 'Structure retirée du flux publié.');
  };
  return html`<h2>Publier</h2>
    <fieldset>
      <legend>Qui publie (en-tête du flux)</legend>
      ${field(bench, 'id', 'Identifiant de l’éditeur', 'En minuscules et tirets, par exemple onco-nouvelle-aquitaine (obligatoire).')}
      ${field(bench, 'name', 'Nom de l’éditeur', 'Par exemple « Onco-Nouvelle-Aquitaine » (obligatoire).')}
      ${field(bench, 'region', 'Code de la région (INSEE)', 'Deux chiffres, par exemple 75 pour la Nouvelle-Aquitaine.')}
      ${field(bench, 'email', 'Courriel pour signaler une erreur', 'Affiché par l’annuaire sous « Signaler une erreur ».', 'email')}
      ${field(bench, 'url', 'Site de l’éditeur', 'Adresse http ou https.', 'url')}
      ${field(bench, 'license', 'Licence', 'Par exemple « Licence Ouverte 2.0 ».')}
      <p class="hint">Ces réglages sont gardés dans ce navigateur, sur cet ordinateur.</p>
    </fieldset>
    <h3>Le flux public</h3>
    ${out
      ? html`<p class="summary">${out.feed.structures.length} structures et ${out.feed.structures.reduce((n, s) => n + s.offers.length, 0)} offres seront publiées.
          Les colonnes privées (référent, relances) n’y sont jamais.${rejected ? ` ${rejected} erreur(s) restent : les lignes concernées ne sont pas publiées (étape « Vérifier »).` : ''}</p>`
      : html`<p>${bench.checked!.feed ? 'Renseignez l’identifiant et le nom de l’éditeur ci-dessus.' : `Le fichier ne donne pas encore de flux${bench.checked!.fatal ? ` (${bench.checked!.fatal})` : ''} : voir l’étape « Vérifier ».`}</p>`}
    ${out && out.leftOut.length + out.keptStale.length
      ? html`<fieldset>
          <legend>Non vérifiées depuis plus de 14 mois : retirées du flux publié</legend>
          <p class="hint">La charte retire les structures qui n’ont pas confirmé leurs informations deux mois après la relance annuelle. Cochez celles à garder quand même.</p>
          ${[...out.keptStale, ...out.leftOut].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((s) => html`<label class="inline"><input type="checkbox" .checked=${keep.has(s.id)} @change=${(e: Event) => toggle(s.id, (e.target as HTMLInputElement).checked)} /> Garder « ${s.name} » (vérifiée le ${s.verifiedAt})</label>`)}
        </fieldset>`
      : nothing}
    ${bench.reference ? html`<p class="hint">Comparé au flux publié « ${bench.reference.name} » (${bench.reference.feed.structures.length} structures) : un flux qui en perd plus de la moitié demande une confirmation.</p>` : nothing}
    <div class="row">
      <button type="button" class="primary" @click=${() => publish(bench)}>Télécharger le flux public (.json)</button>
      <button type="button" @click=${() => void preview(bench)}>Aperçu de l’annuaire</button>
    </div>
    <h3>Le tableur de travail</h3>
    <p>Le tableur tel que vous l’avez ouvert, avec les corrections faites ici et les colonnes privées : à garder pour la prochaine mise à jour. Rouvert dans l’atelier, il donne le même flux.</p>
    <div class="row">
      <button type="button" @click=${() => void saveSheet(bench, 'xlsx')}>Télécharger le tableur (.xlsx)</button>
      <button type="button" @click=${() => void saveSheet(bench, 'csv')}>Télécharger le tableur (.csv)</button>
    </div>
    ${url
      ? html`<section class="preview" aria-labelledby="preview-title">
          <h3 id="preview-title">Aperçu : l’annuaire tel que les sites partenaires l’afficheront</h3>
          <sos-annuaire src=${url} variant="liste" url-state="off"></sos-annuaire>
        </section>`
      : nothing}
    <dialog id="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text" @cancel=${(e: Event) => { e.preventDefault(); closeDialog(bench, false); }}>
      <h3 id="confirm-title">Publier ce flux quand même ?</h3>
      <p id="confirm-text">${p?.text ?? ''}</p>
      <div class="row">
        <button type="button" autofocus @click=${() => closeDialog(bench, false)}>Annuler</button>
        <button type="button" class="primary" @click=${() => closeDialog(bench, true)}>Télécharger quand même</button>
      </div>
    </dialog>`;
}
