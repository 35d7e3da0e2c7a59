/**
 * Step « Vérification annuelle » (FEED-SPEC « Freshness rule »): the structures due for their
 * yearly check, overdue, and to remove, as of a day; per structure a reminder to its référent
 * (mailto:, its current record in plain French) and « Marquer comme vérifié aujourd'hui »; the
 * whole campaign as a CSV for a mail merge. The lists and the messages are src/publish/campaign.ts.
 */
import { html, nothing } from 'lit';
import type { SosEditeur } from './sos-editeur.js';
import { campaign, mailMergeTable, STATUS_LABEL, type CampaignStatus, type Reminder } from '../../publish/campaign.js';
import { csvBytes, writeCsv } from '../../publish/csv.js';
import { setStructureCell } from '../../publish/sheet.js';
import { publisherEnvelope } from './publisher.js';
import { download, stamp } from './download.js';

const frDate = (iso: string | undefined) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : iso ?? '');

function markVerified(bench: SosEditeur, r: Reminder): void {
  const table = setStructureCell(bench.work!.table, r.id, 'verifie_le', bench.day);
  bench.setTable(table);
  bench.say(`« ${r.name} » marquée vérifiée le ${frDate(bench.day)} : elle sort de la campagne jusqu’à l’an prochain.`);
}

/** Opening the mail program counts as the reminder sent today (the private column derniere_relance). */
function reminded(bench: SosEditeur, r: Reminder): void {
  bench.setTable(setStructureCell(bench.work!.table, r.id, 'derniere_relance', bench.day));
  bench.say(`Relance de « ${r.name} » notée au ${frDate(bench.day)} (colonne derniere_relance du tableur de travail).`);
}

function reminderItem(bench: SosEditeur, r: Reminder) {
  const to = r.toSource === 'referent' ? `${r.referent?.name ? `${r.referent.name}, ` : ''}${r.to} (référent)` : r.toSource === 'structure' ? `${r.to} (courriel de la structure : pas de référent)` : 'aucune adresse : renseignez le référent dans le tableur';
  return html`<li class="group">
    <h4>${r.name}</h4>
    <p>Vérifiée le ${frDate(r.verifiedAt)}${r.dueOn ? ` · échéance le ${frDate(r.dueOn)}` : ''}${r.removedOn ? ` · retirée du flux à partir du ${frDate(r.removedOn)}` : ''}${r.referent?.lastReminder ? ` · dernière relance le ${frDate(r.referent.lastReminder)}` : ''}</p>
    <p>Destinataire : ${to}</p>
    <div class="row">
      ${r.mailto?.startsWith('mailto:')
        ? html`<a class="button" href=${r.mailto} @click=${() => reminded(bench, r)}>Écrire la relance<span class="visually-hidden"> à ${r.name}</span></a>`
        : nothing}
      <button type="button" @click=${() => markVerified(bench, r)}>Marquer comme vérifié aujourd’hui<span class="visually-hidden"> : ${r.name}</span></button>
    </div>
    <details><summary>Le message<span class="visually-hidden"> pour ${r.name}</span></summary><pre class="message">${r.body}</pre></details>
  </li>`;
}

export function campaignView(bench: SosEditeur) {
  const feed = bench.checked!.feed;
  if (!feed) return html`<h2>Vérification annuelle</h2><p>Le fichier ne donne pas encore de flux : voir l’étape « Vérifier ».</p>`;
  const publisher = publisherEnvelope(bench.publisher) as { name: string; contact?: { email?: string } } | undefined;
  const c = campaign(feed.structures, { today: new Date(`${bench.day}T12:00:00Z`), private: bench.checked!.private, ...(publisher ? { publisher } : {}) });
  const lists: [CampaignStatus, Reminder[]][] = [['due', c.due], ['overdue', c.overdue], ['remove', c.remove]];
  const mailMerge = () => {
    const t = mailMergeTable(c);
    download(`campagne-verification-${stamp(bench.day)}.csv`, new Blob([csvBytes(writeCsv(t.header, t.rows.map((r) => r.cells))) as BlobPart], { type: 'text/csv' }));
    bench.say(`Fichier de publipostage téléchargé : ${t.rows.length} relance(s).`);
  };
  const onDay = (e: Event) => {
    const v = (e.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      bench.today = v;
      bench.say(`Campagne calculée au ${frDate(v)}.`);
    }
  };
  return html`<h2>Vérification annuelle</h2>
    <p>Chaque structure confirme ses informations une fois par an. Au ${frDate(c.today)} : <strong>${c.due.length} à relancer</strong> (échéance dans les 30 jours), <strong>${c.overdue.length} en retard</strong> (plus de 12 mois), <strong>${c.remove.length} à retirer</strong> (plus de 14 mois : retirées du flux publié), ${c.ok} à jour.</p>
    <div class="row">
      <label class="inline" for="campaign-day">Date de la campagne</label>
      <input id="campaign-day" type="date" .value=${bench.day} @change=${onDay} />
      <button type="button" class="primary" ?disabled=${!(c.due.length + c.overdue.length + c.remove.length)} @click=${mailMerge}>Télécharger le fichier de publipostage (.csv)</button>
    </div>
    <p class="hint">« Écrire la relance » ouvre votre messagerie avec le message prêt (la fiche actuelle de la structure et ce qu’il faut confirmer) et note la date de relance dans le tableur de travail. Pensez à télécharger le tableur de travail (étape « Publier ») pour garder ces dates.</p>
    ${lists.map(([status, list]) => html`<section aria-labelledby="campaign-${status}">
      <h3 id="campaign-${status}">${STATUS_LABEL[status][0]!.toUpperCase()}${STATUS_LABEL[status].slice(1)} : ${list.length}</h3>
      ${list.length ? html`<ul class="reminders" role="list">${list.map((r) => reminderItem(bench, r))}</ul>` : html`<p>Aucune.</p>`}
    </section>`)}`;
}
