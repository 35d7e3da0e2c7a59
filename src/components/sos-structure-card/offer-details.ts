/**
 * What the card says about offers, as data: offers grouped by care category (taxonomy order),
 * and each offer's labelled rows. Pure functions, so the card and the print view say the same.
 */
import type { Offer } from '../../feed/schema.js';
import {
  ACCESS, AGES, AUDIENCES, CATEGORIES, COSTS, PATHWAYS, PHASES, REFERRALS, SETTINGS,
  subcare, type CategoryDef, type Label,
} from '../../feed/taxonomy.js';
import type { Lang } from '../../i18n/format.js';
import type { CardStrings } from './sos-structure-card.strings.js';

export interface OfferGroup {
  category: CategoryDef;
  offers: Offer[];
}

/**
 * Offers by category, in the taxonomy's order (socle first); unknown codes are impossible after
 * validation. With `first` (the offers a search matched, most relevant first), their categories
 * come first, in that order, and they lead their category.
 */
export function groupOffers(offers: readonly Offer[], first: readonly Offer[] = []): OfferGroup[] {
  const groups: OfferGroup[] = [];
  const rank = (o: Offer) => {
    const i = first.indexOf(o);
    return i < 0 ? first.length : i;
  };
  for (const cat of CATEGORIES as readonly CategoryDef[]) {
    const inCat = offers.filter((o) => o.care === cat.code);
    if (inCat.length) groups.push({ category: cat, offers: first.length ? inCat.sort((a, b) => rank(a) - rank(b)) : inCat });
  }
  if (first.length) groups.sort((a, b) => rank(a.offers[0]!) - rank(b.offers[0]!));
  return groups;
}

/** A non-conventional practice: flagged by the feed, or one of its finer cares is one in the taxonomy. */
export function isNonConventional(offer: Offer): boolean {
  return offer.nonConventional === true || (offer.subcares ?? []).some((c) => subcare(c)?.nonConventional === true);
}

export { offerTitle } from '../../feed/taxonomy.js';

export interface Row {
  /** Stable key (for tests and styling). */
  key: 'subcares' | 'audiences' | 'ages' | 'settings' | 'phases' | 'access' | 'referral' | 'cost' | 'pathways' | 'schedule';
  term: string;
  /** One value per item; rendered as a list when there are several. */
  values: string[];
  /** Multi-line text from the feed (line breaks preserved). */
  multiline?: boolean;
  /** "Gratuit": shown prominently. */
  free?: boolean;
}

function labels<C extends string>(codes: readonly C[] | undefined, table: Record<C, Label>, lang: Lang): string[] {
  return (codes ?? []).map((c) => table[c]?.[lang] ?? c);
}

/** The labelled rows of an offer; a missing optional field is either omitted or says what absence means. */
export function offerRows(offer: Offer, lang: Lang, t: CardStrings): Row[] {
  const rows: Row[] = [];
  const push = (row: Row) => {
    if (row.values.length) rows.push(row);
  };
  // Finer cares are only a row when they are not already the title.
  if (offer.label) {
    push({ key: 'subcares', term: t.subcares, values: (offer.subcares ?? []).map((c) => subcare(c)?.label[lang] ?? c) });
  }
  push({ key: 'audiences', term: t.audiences, values: labels(offer.audiences, AUDIENCES.labels, lang) });
  push({ key: 'ages', term: t.ages, values: offer.ages?.length ? labels(offer.ages, AGES.labels, lang) : [t.allAges] });
  push({ key: 'settings', term: t.settings, values: labels(offer.settings, SETTINGS.labels, lang) });
  push({ key: 'phases', term: t.phases, values: offer.phases?.length ? labels(offer.phases, PHASES.labels, lang) : [t.allPhases] });
  push({ key: 'access', term: t.access, values: labels(offer.access, ACCESS.labels, lang) });
  if (offer.referral) push({ key: 'referral', term: t.referral, values: [REFERRALS.labels[offer.referral][lang]] });
  if (offer.cost || offer.costNote) {
    const values = [offer.cost ? COSTS.labels[offer.cost][lang] : '', offer.costNote ?? ''].filter(Boolean);
    push({ key: 'cost', term: t.cost, values, free: offer.cost === 'gratuit' });
  }
  push({ key: 'pathways', term: t.pathways, values: labels(offer.pathways, PATHWAYS.labels, lang) });
  if (offer.schedule) push({ key: 'schedule', term: t.schedule, values: [offer.schedule], multiline: true });
  return rows;
}
