/**
 * Step « Vérification annuelle » (FEED-SPEC « Freshness rule »): the structures due for their
 * yearly check, overdue, and to remove, as of a day; per structure a reminder to its référent
 * (mailto:, its current record in plain French) and « Marquer comme vérifié aujourd'hui »; the
 * whole campaign as a CSV for a mail merge. The lists and the messages are src/publish/campaign.ts:
 * the message goes to a French structure, so it stays French (`lang="fr"`) whatever the workbench speaks.
 */
import { html, nothing } from 'lit';
import type { SosEditeur } from './sos-editeur.js';
import { campaign, mailMergeTable, type CampaignStatus, type Reminder } from '../../publish/campaign.js';
import { csvBytes, writeCsv } from '../../publish/csv.js';
import { setStructureCell } from '../../publish/sheet.js';
import { addDays, addMonths } from '../../publish/dates.js';
import { DUE_DAYS, OVERDUE_MONTHS } from '../../feed/freshness.js';
import { publisherEnvelope } from './publisher.js';
import { download, stamp } from './download.js';

/**
 * The structure confirmed its record: `verifie_le` is today, and the next reminder falls due 30 days
 * before the record turns 12 months old (the shared rule), which the steward is told.
 */
function markVerified(bench: SosEditeur, r: Reminder): void {
  const table = setStructureCell(bench.work!.table, r.id, 'verifie_le', bench.day);
  bench.setTable(table);
  bench.say(bench.t.markedVerified(r.name, bench.day, addDays(addMonths(bench.day, OVERDUE_MONTHS), -DUE_DAYS)));
}

/** Opening the mail program counts as the reminder sent today (the private column derniere_relance). */
function reminded(bench: SosEditeur, r: Reminder): void {
  bench.setTable(setStructureCell(bench.work!.table, r.id, 'derniere_relance', bench.day));
  bench.say(bench.t.reminded(r.name, bench.day));
}

/** The whole reminder, for a mail program that would cut it as a link. The message stays readable below when the clipboard is refused. */
async function copyMessage(bench: SosEditeur, r: Reminder): Promise<void> {
  try {
    await navigator.clipboard.writeText(`${r.subject}\n\n${r.body}`);
    bench.say(bench.t.messageCopied(r.name));
  } catch {
    bench.say(bench.t.messageNotCopied, true);
  }
}

function reminderItem(bench: SosEditeur, r: Reminder) {
  const t = bench.t;
  const to = r.toSource === 'referent' ? t.toReferent(r.referent?.name, r.to ?? '') : r.toSource === 'structure' ? t.toStructure(r.to ?? '') : t.toNobody;
  const dates = [
    t.verifiedOn(r.verifiedAt),
    ...(r.dueOn ? [t.dueOn(r.dueOn)] : []),
    ...(r.removedOn ? [t.removedOn(r.removedOn)] : []),
    ...(r.referent?.lastReminder ? [t.lastReminder(r.referent.lastReminder)] : []),
  ];
  return html`<li class="group">
    <h4>${r.name}</h4>
    <p>${dates.join(' · ')}</p>
    <p>${t.recipient} ${to}</p>
    <div class="row">
      ${r.mailto?.startsWith('mailto:')
        ? html`<a class="button" href=${r.mailto} @click=${() => reminded(bench, r)}>${t.writeReminder}<span class="visually-hidden">${t.writeReminderTo(r.name)}</span></a>`
        : nothing}
      <button type="button" @click=${() => markVerified(bench, r)}>${t.markVerified}<span class="visually-hidden">${t.markVerifiedFor(r.name)}</span></button>
    </div>
    ${r.mailto?.startsWith('mailto:') && r.mailtoShortened
      ? html`<p class="hint">${t.reminderShortened}</p>
        <div class="row"><button type="button" @click=${() => copyMessage(bench, r)}>${t.copyMessage}<span class="visually-hidden">${t.theMessageFor(r.name)}</span></button></div>`
      : nothing}
    <details><summary>${t.theMessage}<span class="visually-hidden">${t.theMessageFor(r.name)}</span></summary><pre class="message" lang="fr">${r.body}</pre></details>
  </li>`;
}

export function campaignView(bench: SosEditeur) {
  const t = bench.t;
  const feed = bench.checked!.feed;
  if (!feed) return html`<h2>${t.tabs.campagne}</h2><p>${t.noFeedYet}</p>`;
  const publisher = publisherEnvelope(bench.publisher) as { name: string; contact?: { email?: string } } | undefined;
  const c = campaign(feed.structures, { today: new Date(`${bench.day}T12:00:00Z`), private: bench.checked!.private, ...(publisher ? { publisher } : {}) });
  const lists: [CampaignStatus, Reminder[]][] = [['due', c.due], ['overdue', c.overdue], ['remove', c.remove]];
  const mailMerge = () => {
    const table = mailMergeTable(c);
    download(`campagne-verification-${stamp(bench.day)}.csv`, new Blob([csvBytes(writeCsv(table.header, table.rows.map((r) => r.cells))) as BlobPart], { type: 'text/csv' }));
    bench.say(t.mailMergeSaved(table.rows.length));
  };
  const onDay = (e: Event) => {
    const v = (e.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      bench.today = v;
      bench.say(t.campaignComputed(v));
    }
  };
  return html`<h2>${t.tabs.campagne}</h2>
    <p>${t.campaignIntro} ${t.asOf(c.today)} <strong>${t.dueCount(c.due.length)}</strong> ${t.dueNote}, <strong>${t.overdueCount(c.overdue.length)}</strong> ${t.overdueNote}, <strong>${t.removeCount(c.remove.length)}</strong> ${t.removeNote}, ${t.upToDate(c.ok)}</p>
    <div class="row">
      <label class="inline" for="campaign-day">${t.campaignDay}</label>
      <input id="campaign-day" type="date" .value=${bench.day} @change=${onDay} />
      <button type="button" class="primary" ?disabled=${!(c.due.length + c.overdue.length + c.remove.length)} @click=${mailMerge}>${t.mailMergeButton}</button>
    </div>
    <p class="hint">${t.campaignHint}</p>
    ${lists.map(([status, list]) => html`<section aria-labelledby="campaign-${status}">
      <h3 id="campaign-${status}">${t.status[status]}${t.colon}${list.length}</h3>
      ${list.length ? html`<ul class="reminders" role="list">${list.map((r) => reminderItem(bench, r))}</ul>` : html`<p>${t.noneInList}</p>`}
    </section>`)}`;
}
