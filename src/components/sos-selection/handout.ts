/**
 * The printed « Ma sélection »: one clean page a professional hands a patient. At the top the
 * directory's publisher and the date; for each item its name, address, phone, a temporary closure,
 * the opening hours, the offer, the access conditions and how to get in (« Prendre rendez-vous en
 * ligne » with its address), the cost, « Vérifié le » (with « à vérifier » past 12 months,
 * feed/freshness.ts) and a QR code of its card's link. Built with DOM calls (feed
 * text stays text) and printed through the card's print frame (its own print stylesheet).
 */
import type { DirectoryStore } from '../../state/directory-store.js';
import type { Offer } from '../../feed/schema.js';
import { ACCESS, COSTS, REFERRALS, offerTitle } from '../../feed/taxonomy.js';
import { HOW_TO } from '../../feed/how-to.js';
import { safeHref } from '../../feed/sanitize.js';
import type { HoursModule } from '../../state/chunks.js';
import { formatDate, type Lang } from '../../i18n/format.js';
import { freshness, needsCheck, parisDate } from '../../feed/freshness.js';
import { printCopy } from '../sos-structure-card/print.js';
import type { SelectedItem } from './items.js';
import type { SelectionStrings } from './sos-selection.strings.js';
import { qrSvg } from './qr-svg.js';

/** Styles added to the print frame's sheet for the handout. */
export const HANDOUT_CSS = `
  .handout h1 { font-size: 16pt; margin: 0 0 2pt; }
  .handout .by, .handout .note { font-size: 9.5pt; margin: 0 0 8pt; }
  .handout ol { list-style: none; padding: 0; margin: 0; }
  .handout li { display: grid; grid-template-columns: 1fr 26mm; gap: 0 6mm; break-inside: avoid; border-top: 0.5pt solid #999; padding: 5pt 0; }
  .handout h2 { font-size: 12pt; margin: 0 0 2pt; }
  .handout p { margin: 0 0 1.5pt; }
  .handout .offer-detail { font-size: 9.5pt; }
  .handout .closure { font-weight: 700; }
  .handout svg { width: 26mm; height: 26mm; }
`;

/** Offers of a whole structure detailed on the page (the handout stays one page for a few items). */
const MAX_OFFER_LINES = 6;

/** How to get in, in the feed's order; the booking address written out (a printed page has no links). */
function howToText(offer: Offer, lang: Lang): string {
  const booking = safeHref(offer.bookingUrl, 'web');
  const usesBooking = (code: string) => code === 'rendez-vous-en-ligne' || code === 'formulaire';
  const ways = (offer.howTo ?? []).map((code) => (booking && usesBooking(code) ? `${HOW_TO.labels[code][lang]} : ${booking}` : HOW_TO.labels[code][lang]));
  if (booking && !(offer.howTo ?? []).some(usesBooking)) ways.push(`${HOW_TO.labels['rendez-vous-en-ligne'][lang]} : ${booking}`);
  return ways.join(', ');
}

function offerLines(offer: Offer, lang: Lang, t: SelectionStrings): string[] {
  const access = [...(offer.access ?? []).map((a) => ACCESS.labels[a]?.[lang] ?? a), offer.referral ? REFERRALS.labels[offer.referral][lang] : ''].filter(Boolean);
  const cost = [offer.cost ? COSTS.labels[offer.cost][lang] : '', offer.costNote ?? ''].filter(Boolean);
  const howTo = howToText(offer, lang);
  return [
    offerTitle(offer, lang),
    access.length ? t.accessLine(access.join(', ')) : '',
    howTo ? t.howToLine(howTo) : '',
    cost.length ? t.costLine(cost.join(' – ')) : '',
  ].filter(Boolean);
}

/**
 * The opening hours as one line (machine-readable ones summed up when their chunk is here, else the
 * feed's free text), and a closure not over yet; '' for what the feed does not say.
 */
function hoursLines(s: SelectedItem['structure'], offer: Offer | undefined, hours: HoursModule | undefined, now: number, lang: Lang): { hours: string; closure: string } {
  const text = offer?.openingHours ?? s.openingHours;
  const parsed = hours && text !== undefined ? hours.parseOpeningHours(text) : undefined;
  const summary = hours && parsed?.ok ? hours.weekSummary(hours.weekLines(hours.week(parsed.rules, undefined, now), lang), lang) : '';
  return {
    hours: summary || (offer?.openingHours === undefined ? s.hours ?? '' : ''),
    closure: hours && s.closure ? hours.closureLine(s.closure, now, lang) : '',
  };
}

/** The handout, as an element of `doc` (detached). `today`: the Paris date, `YYYY-MM-DD`. */
export function handout(doc: Document, items: readonly SelectedItem[], store: DirectoryStore, lang: Lang, t: SelectionStrings, link: (key: string) => string, today: string, hours?: HoursModule): HTMLElement {
  const el = (tag: string, text?: string, className?: string) => {
    const e = doc.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  };
  const root = el('section', undefined, 'handout');
  const publishers = [...new Set(store.feeds.map((f) => f.feed.publisher.name))].join(', ');
  root.append(el('h1', t.handoutTitle), el('p', t.handoutBy(publishers, formatDate(today, lang)), 'by'), el('p', t.handoutNote, 'note'));
  const list = el('ol');
  for (const { structure: s, offer } of items) {
    const li = el('li');
    const text = el('div');
    text.append(el('h2', s.name));
    const address = [s.address.line, `${s.address.postalCode} ${s.address.city}`].filter(Boolean).join(', ');
    text.append(el('p', address));
    const phone = offer?.contact?.phone ?? s.contact?.phone;
    if (phone) text.append(el('p', t.phoneLine(phone)));
    const when = hoursLines(s, offer, hours, store.now(), lang);
    if (when.closure) text.append(el('p', when.closure, 'closure'));
    if (when.hours) text.append(el('p', t.hoursLine(when.hours)));
    if (offer) for (const line of offerLines(offer, lang, t)) text.append(el('p', line));
    else {
      // A whole structure: its offers, then how to get into each and what it costs (what a patient
      // asks before calling), a line per offer that says either.
      text.append(el('p', t.offersLine([...new Set(s.offers.map((o) => offerTitle(o, lang)))].join(', '))));
      for (const o of s.offers.slice(0, MAX_OFFER_LINES)) {
        const [title, ...details] = offerLines(o, lang, t);
        if (details.length) text.append(el('p', `${title} — ${details.join(' — ')}`, 'offer-detail'));
      }
    }
    const verified = el('p', t.verified(formatDate(s.verifiedAt, lang)), 'verified');
    // `today` is a Paris date; as a Date, UTC midnight, which is that day in Paris.
    if (needsCheck(freshness(s.verifiedAt, new Date(today)))) verified.append(' — ', el('strong', t.recheck));
    text.append(verified);
    li.append(text, qrSvg(doc, link(s.key), t.qr(s.name)));
    list.append(li);
  }
  root.append(list);
  return root;
}

/** Prints the handout; returns the print frame's document (tests read it). */
export function printHandout(items: readonly SelectedItem[], store: DirectoryStore, lang: Lang, t: SelectionStrings, link: (key: string) => string, hours?: HoursModule): Document {
  const today = parisDate(store.now());
  const content = handout(document, items, store, lang, t, link, today, hours);
  return printCopy(content, { lang, title: t.handoutTitle, footer: '', extraCss: HANDOUT_CSS });
}
