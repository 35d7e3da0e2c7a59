/**
 * What a person needs before calling or going (FEED-SPEC 1.1): this week's hours, a temporary
 * closure, how to get in, the languages spoken, where a home or remote offer goes. Pure functions
 * returning data, so the card and its printed copy say the same; the opening-hours chunk is passed
 * in (it is loaded only when a feed uses hours).
 */
import type { DirectoryStructure } from '../../feed/validate.js';
import type { Closure, Contact, Offer, Publisher } from '../../feed/schema.js';
import { HOW_TO } from '../../feed/how-to.js';
import { safeHref } from '../../feed/sanitize.js';
import { DEPARTEMENTS } from '../../geo/departements.js';
import { regionName } from '../../geo/regions.js';
import type { CommuneIndex } from '../../geo/communes.js';
import type { Lang } from '../../i18n/format.js';
import type { HoursModule } from '../../state/chunks.js';
import type { CardStrings } from './sos-structure-card.strings.js';

/** The structure or one of its offers uses machine-readable hours or a closure: the card needs the hours chunk. */
export function needsHours(s: DirectoryStructure): boolean {
  return s.openingHours !== undefined || s.closure !== undefined || s.offers.some((o) => o.openingHours !== undefined);
}

export interface TimetableRow {
  /** « Lundi ». */
  day: string;
  /** « 9 h – 12 h 30, 13 h 30 – 17 h », « Fermé ». */
  hours: string;
  /** « Jour férié », « Fermeture exceptionnelle », the rule's comment (« sur rendez-vous »). */
  notes: string[];
  open: boolean;
  today: boolean;
}

export interface Timetable {
  /** « Ouvert aujourd’hui · 9 h – 17 h », « Fermé jusqu’au 4 janvier ». */
  today: string;
  open: boolean;
  /** Monday to Sunday of the current Paris week. */
  rows: TimetableRow[];
}

/**
 * The week of machine-readable hours (a structure's, or an offer's own), closure applied; undefined
 * when `text` is absent or unreadable (the card shows the feed's free text instead).
 */
export function timetable(hours: HoursModule, text: string | undefined, closure: Closure | undefined, now: number, lang: Lang): Timetable | undefined {
  if (text === undefined) return undefined;
  const parsed = hours.parseOpeningHours(text);
  if (!parsed.ok) return undefined;
  const week = hours.week(parsed.rules, closure, now);
  const lines = hours.weekLines(week, lang);
  const today = hours.today(parsed.rules, closure, now);
  return {
    today: hours.todayLine(today, lang),
    open: today.open,
    rows: lines.map((l, i) => ({
      day: l.day,
      hours: l.hours,
      notes: [l.note, week[i]!.open ? week[i]!.comment : undefined].filter((n): n is string => !!n),
      open: week[i]!.open,
      today: l.today,
    })),
  };
}

/** « Fermé du 21 décembre au 4 janvier · Fermeture annuelle »; empty once the closure is over. */
export function closureNotice(hours: HoursModule, closure: Closure | undefined, now: number, lang: Lang): string {
  return closure ? hours.closureLine(closure, now, lang) : '';
}

/** One way in: a link (call, write, book) or a sentence (come to the desk, be referred). */
export interface Action {
  text: string;
  href?: string;
  /** Opens a new window (a booking page). */
  external?: boolean;
}

/**
 * How to get in, in the feed's order of `howTo`: « Appeler le 05 56 … » (the offer's phone, else
 * the structure's), « Écrire à … », « Prendre rendez-vous en ligne » (→ `bookingUrl`), « Sur
 * orientation d’un professionnel »… A `bookingUrl` without a code that uses it still gets its link.
 */
export function howToActions(offer: Offer, structure: DirectoryStructure, lang: Lang, t: CardStrings): Action[] {
  const contact: Contact = { ...structure.contact, ...offer.contact };
  const booking = safeHref(offer.bookingUrl, 'web');
  const actions: Action[] = [];
  let bookingShown = false;
  for (const code of offer.howTo ?? []) {
    const label = HOW_TO.labels[code][lang];
    if (code === 'telephone') {
      const tel = safeHref(contact.phone, 'tel');
      actions.push(tel ? { text: t.call(contact.phone!), href: tel } : { text: label });
    } else if (code === 'courriel') {
      const mail = safeHref(contact.email, 'mailto');
      actions.push(mail ? { text: t.write(contact.email!), href: mail } : { text: label });
    } else if ((code === 'rendez-vous-en-ligne' || code === 'formulaire') && booking) {
      actions.push({ text: code === 'formulaire' ? t.fillForm : t.bookOnline, href: booking, external: true });
      bookingShown = true;
    } else {
      actions.push({ text: label });
    }
  }
  if (booking && !bookingShown) actions.push({ text: t.bookOnline, href: booking, external: true });
  return actions;
}

/** « anglais, espagnol » / "English, Spanish": names from the browser (Intl.DisplayNames), the code when it has none. */
export function languageNames(codes: readonly string[] | undefined, lang: Lang): string {
  if (!codes?.length) return '';
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([lang], { type: 'language' });
  } catch {
    names = undefined;
  }
  const list = codes.map((c) => names?.of(c) ?? c);
  try {
    return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(list);
  } catch {
    return list.join(', ');
  }
}

/** At most this many commune names; then « et 12 autres communes ». */
const MAX_COMMUNES = 8;

/**
 * Where a home or remote offer goes, from its `serviceArea` or the defaults of FEED-SPEC 1.1 (the
 * structure's département at home, the publisher's région remotely). Undefined for offers given
 * only on site. Commune names need the commune index; without it, their count.
 */
export function areaServed(
  offer: Offer,
  structure: DirectoryStructure,
  publisher: Publisher | undefined,
  t: CardStrings,
  communes?: CommuneIndex,
  communeName?: (index: CommuneIndex, insee: string) => string | undefined,
): string | undefined {
  const home = offer.settings.includes('domicile');
  const remote = offer.settings.includes('distance');
  if (!home && !remote) return undefined;
  const dep = (code: string) => (DEPARTEMENTS[code] ? `${DEPARTEMENTS[code]} (${code})` : code);
  const area = offer.serviceArea;
  if (area && (area.departments || area.communes || area.radiusKm !== undefined)) {
    const parts: string[] = [];
    if (area.departments) parts.push(area.departments.map(dep).join(', '));
    if (area.communes) {
      const names = communes && communeName ? area.communes.map((c) => communeName(communes, c)).filter((n): n is string => !!n) : [];
      parts.push(names.length === area.communes.length
        ? t.communeList(names.slice(0, MAX_COMMUNES), names.length - Math.min(names.length, MAX_COMMUNES))
        : t.communeCount(area.communes.length));
    }
    if (area.radiusKm !== undefined) parts.push(t.radius(area.radiusKm));
    return parts.join(' ; ');
  }
  if (home && structure.department) return t.homeDefault(dep(structure.department));
  const region = publisher?.region ? regionName(publisher.region) : undefined;
  return region ? t.regionDefault(region) : t.directoryDefault;
}
