/** The name of an offer, as the list and the card show it. */
import type { Offer } from '../feed/schema.js';
import { category, subcare } from '../feed/taxonomy.js';
import type { Lang } from './format.js';

/** The offer's own name, else its finer cares, else its category. */
export function offerTitle(offer: Offer, lang: Lang): string {
  if (offer.label) return offer.label;
  const subs = (offer.subcares ?? []).map((c) => subcare(c)?.label[lang]).filter((x): x is string => !!x);
  if (subs.length) return subs.join(', ');
  return category(offer.care)?.label[lang] ?? offer.care;
}
