/**
 * The yearly verification (FEED-SPEC « Freshness rule », the regional charter): which structures
 * are due for their check (the 12-month anniversary within 30 days), overdue (over 12 months) or
 * to remove from the published feed (over 14 months), as of a given day; and for each one a
 * reminder to its référent, in plain French, holding its current record and what to confirm or
 * complete, as a `mailto:` link and as a row of a mail-merge table.
 *
 * The rule itself is the widget's (src/feed/freshness.ts): the list, the card and the tools never
 * disagree about a record.
 */
import { freshness, parisDate, OVERDUE_MONTHS, REMOVE_MONTHS } from '../feed/freshness.js';
import type { FeedStructure } from '../feed/schema.js';
import { ACCESS, AUDIENCES, category, COSTS, REFERRALS, SETTINGS, STRUCTURE_KINDS, subcare } from '../feed/taxonomy.js';
import type { PrivateInfo } from './columns.js';
import { addDays, addMonths, frenchDate, isIsoDate, shortFrenchDate } from './dates.js';
import { structureQuality } from './quality.js';
import type { Table } from './table.js';

export type CampaignStatus = 'due' | 'overdue' | 'remove';

export const STATUS_LABEL: Record<CampaignStatus, string> = {
  due: 'à relancer (vérification annuelle dans les 30 jours)',
  overdue: 'en retard (vérifiée il y a plus de 12 mois)',
  remove: 'à retirer (vérifiée il y a plus de 14 mois)',
};

export interface Reminder {
  id: string;
  name: string;
  status: CampaignStatus;
  verifiedAt: string;
  /** The 12-month anniversary: the record should be confirmed by then. */
  dueOn?: string;
  /** The first day the record is left out of the published feed (the day after 14 months). */
  removedOn?: string;
  /** Who the reminder goes to: the référent (private columns), else the structure's own e-mail. */
  to?: string;
  toSource: 'referent' | 'structure' | 'none';
  referent?: PrivateInfo;
  subject: string;
  /** The whole message, plain text. */
  body: string;
  /** `mailto:` link (undefined without an address); its body shortened when the whole would be too long for mail programs. */
  mailto?: string;
  /** True when the mailto body is the short one (the full text is in `body` and the mail-merge table). */
  mailtoShortened: boolean;
}

export interface Campaign {
  /** The day the lists are computed for, `AAAA-MM-JJ` (Paris). */
  today: string;
  due: Reminder[];
  overdue: Reminder[];
  remove: Reminder[];
  /** Structures up to date. */
  ok: number;
}

export interface CampaignOptions {
  /** Default: now. */
  today?: Date;
  /** Private columns by structure id: the référent, the last reminder. */
  private?: ReadonlyMap<string, PrivateInfo>;
  /** Who signs the reminder (the DSRC) and where answers go, when no reply address is set. */
  publisher?: { name: string; contact?: { email?: string; url?: string } };
  /**
   * Longest `mailto:` link made (characters). Mail programs and browsers cut or refuse longer ones
   * (about 2,000 for some Windows set-ups): past it, the link carries a shorter body.
   */
  maxMailto?: number;
}

export const MAX_MAILTO = 2000;

const label = (e: { labels: Record<string, { fr: string }> }, code: string | undefined) => (code ? e.labels[code]?.fr ?? code : undefined);
const list = (e: { labels: Record<string, { fr: string }> }, codes: readonly string[] | undefined) => (codes ?? []).map((c) => label(e, c)!.toLowerCase()).join(', ');

/** The record in plain French, one line per field, only what is filled in. */
export function recordLines(s: FeedStructure, withOffers = true): string[] {
  const lines: string[] = [];
  const put = (name: string, value: unknown) => {
    if (value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)) lines.push(`${name} : ${String(value)}`);
  };
  put('Nom', s.name);
  put('Type', label(STRUCTURE_KINDS, s.kind));
  put('Adresse', [s.address?.line, [s.address?.postalCode, s.address?.city].filter(Boolean).join(' ')].filter(Boolean).join(', '));
  put('Téléphone', s.contact?.phone);
  put('Courriel', s.contact?.email);
  put('Site web', s.contact?.website);
  put('Messagerie sécurisée (MSSanté)', s.contact?.mssante);
  put('Horaires', s.hours?.replace(/\n+/g, ' ; '));
  put('Accès en fauteuil roulant', s.accessibility?.wheelchair === undefined ? undefined : s.accessibility.wheelchair ? 'oui' : 'non');
  put('Présentation', s.description && s.description.length > 300 ? `${s.description.slice(0, 299)}…` : s.description?.replace(/\n+/g, ' '));
  if (!withOffers) {
    put('Offres', `${s.offers.length} (détail dans l’annuaire)`);
    return lines;
  }
  lines.push(`Offres (${s.offers.length}) :`);
  for (const o of s.offers) {
    const title = o.label ?? category(o.care)?.label.fr ?? o.care;
    const fine = (o.subcares ?? []).map((c) => subcare(c)?.label.fr ?? c).join(', ');
    const parts = [
      category(o.care)?.short.fr,
      fine,
      list(AUDIENCES, o.audiences) && `pour : ${list(AUDIENCES, o.audiences)}`,
      list(SETTINGS, o.settings),
      list(ACCESS, o.access),
      label(REFERRALS, o.referral)?.toLowerCase(),
      [label(COSTS, o.cost)?.toLowerCase(), o.costNote].filter(Boolean).join(', '),
      o.schedule?.replace(/\n+/g, ' '),
    ].filter((x) => x);
    lines.push(`- ${title}${parts.length ? ` (${parts.join(' ; ')})` : ''}`);
  }
  return lines;
}

function mailto(to: string, subject: string, body: string): string {
  // encodeURIComponent, not URLSearchParams: a space must be %20 (mail programs show « + » as is);
  // line breaks as %0D%0A (RFC 6068).
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, '\r\n'))}`;
}

function reminder(s: FeedStructure, status: CampaignStatus, options: CampaignOptions): Reminder {
  const referent = options.private?.get(s.id);
  const to = referent?.email || s.contact?.email;
  const toSource: Reminder['toSource'] = referent?.email ? 'referent' : s.contact?.email ? 'structure' : 'none';
  const dated = isIsoDate(s.verifiedAt);
  const dueOn = dated ? addMonths(s.verifiedAt, OVERDUE_MONTHS) : undefined;
  const removedOn = dated ? addDays(addMonths(s.verifiedAt, REMOVE_MONTHS), 1) : undefined;
  const lastDay = removedOn ? addDays(removedOn, -1) : undefined;
  const publisher = options.publisher?.name ?? 'Le réseau régional de cancérologie';
  const subject = status === 'remove'
    ? `Annuaire des soins de support : la fiche « ${s.name} » n’est plus publiée, merci de la confirmer`
    : `Annuaire des soins de support : merci de vérifier la fiche « ${s.name} »`;
  const hello = referent?.name ? `Bonjour ${referent.name},` : 'Bonjour,';
  const checked = dated ? `a été vérifiée pour la dernière fois le ${frenchDate(s.verifiedAt)}` : 'n’a pas de date de vérification valable';
  const ask = status === 'due'
    ? `Merci de relire les informations ci-dessous et de nous répondre${dueOn ? ` avant le ${frenchDate(dueOn)}` : ''}, en confirmant qu’elles sont exactes ou en indiquant ce qui a changé.`
    : status === 'overdue'
      ? `Elle a plus d’un an. Merci de relire les informations ci-dessous et de nous répondre${lastDay ? ` avant le ${frenchDate(lastDay)}` : ''}, en confirmant qu’elles sont exactes ou en indiquant ce qui a changé : sans réponse, la fiche sera retirée de l’annuaire publié${removedOn ? ` le ${frenchDate(removedOn)}` : ''}.`
      : 'Sans confirmation depuis plus de 14 mois, elle n’est plus publiée dans l’annuaire. Elle y reviendra dès que vous nous aurez confirmé les informations ci-dessous, ou indiqué ce qui a changé.';
  const missing = structureQuality(s).missing.filter((m) => m.criterion !== 'coordinates').map((m) => `- ${m.label}`);
  const head = [
    hello, '',
    `${publisher} publie l’annuaire régional des soins oncologiques de support. Chaque structure confirme sa fiche une fois par an : celle de « ${s.name} » ${checked}.`, '',
    ask, '',
    'Votre fiche aujourd’hui :',
  ];
  const tail = [
    ...(missing.length ? ['', 'Si possible, complétez aussi :', ...missing] : []),
    '', 'Il suffit de répondre à ce message. Merci !', publisher,
  ];
  const body = [...head, ...recordLines(s), ...tail].join('\n');
  let link: string | undefined;
  let shortened = false;
  if (to) {
    const max = options.maxMailto ?? MAX_MAILTO;
    link = mailto(to, subject, body);
    if (link.length > max) {
      shortened = true;
      link = mailto(to, subject, [...head, ...recordLines(s, false), ...tail].join('\n'));
      if (link.length > max) link = mailto(to, subject, [hello, '', ask, '', `Fiche : ${s.name}`, '', publisher].join('\n'));
    }
  }
  return {
    id: s.id, name: s.name, status, verifiedAt: s.verifiedAt,
    ...(dueOn ? { dueOn } : {}), ...(removedOn ? { removedOn } : {}),
    ...(to ? { to } : {}), toSource, ...(referent ? { referent } : {}),
    subject, body, ...(link ? { mailto: link } : {}), mailtoShortened: shortened,
  };
}

/** The campaign as of `options.today` (see the module); each list oldest verification first. */
export function campaign(structures: readonly FeedStructure[], options: CampaignOptions = {}): Campaign {
  const now = options.today ?? new Date();
  const out: Campaign = { today: parisDate(now), due: [], overdue: [], remove: [], ok: 0 };
  for (const s of structures) {
    const f = freshness(s.verifiedAt, now);
    if (f === 'ok') out.ok++;
    else out[f].push(reminder(s, f, options));
  }
  for (const key of ['due', 'overdue', 'remove'] as const) out[key].sort((a, b) => (a.verifiedAt < b.verifiedAt ? -1 : a.verifiedAt > b.verifiedAt ? 1 : a.name.localeCompare(b.name, 'fr')));
  return out;
}

/** The columns of the mail-merge table (French, for a word processor's mail merge). */
export const MAIL_MERGE_COLUMNS = [
  'statut', 'structure_id', 'structure_nom', 'referent_nom', 'destinataire', 'destinataire_source', 'referent_telephone',
  'derniere_relance', 'verifie_le', 'echeance', 'retrait_le', 'objet', 'message', 'lien_mailto',
] as const;

const STATUS_WORD: Record<CampaignStatus, string> = { due: 'à relancer', overdue: 'en retard', remove: 'à retirer' };

/** The campaign as a table for a mail merge: one row per reminder, due then overdue then to remove. */
export function mailMergeTable(c: Campaign): Table {
  const rows = [...c.due, ...c.overdue, ...c.remove].map((r, i) => ({
    row: i + 2,
    cells: [
      STATUS_WORD[r.status], r.id, r.name, r.referent?.name ?? '', r.to ?? '',
      r.toSource === 'referent' ? 'référent' : r.toSource === 'structure' ? 'courriel de la structure' : 'aucune adresse',
      r.referent?.phone ?? '', r.referent?.lastReminder ? shortFrenchDate(r.referent.lastReminder) : '',
      isIsoDate(r.verifiedAt) ? shortFrenchDate(r.verifiedAt) : r.verifiedAt,
      r.dueOn ? shortFrenchDate(r.dueOn) : '', r.removedOn ? shortFrenchDate(r.removedOn) : '',
      r.subject, r.body, r.mailto ?? '',
    ],
  }));
  return { header: [...MAIL_MERGE_COLUMNS], rows };
}
