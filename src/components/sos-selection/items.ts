/** « Ma sélection » as records: each item's structure and offer, found in the store. */
import type { DirectoryStore, ShortlistItem } from '../../state/directory-store.js';
import type { DirectoryStructure } from '../../feed/validate.js';
import type { Offer } from '../../feed/schema.js';
import { offerTitle } from '../../feed/taxonomy.js';
import type { Lang } from '../../i18n/format.js';

export interface SelectedItem {
  item: ShortlistItem;
  structure: DirectoryStructure;
  offer?: Offer;
  /** « CHU de Bordeaux » or « CHU de Bordeaux — Séances de sophrologie ». */
  name: string;
}

/** The items the feeds still have (a link may name what a newer feed no longer lists). */
export function selectedItems(store: DirectoryStore, lang: Lang): SelectedItem[] {
  return store.shortlist.flatMap((item) => {
    const structure = store.structure(item.key);
    if (!structure) return [];
    const offer = item.offer ? structure.offers.find((o) => o.id === item.offer) : undefined;
    if (item.offer && !offer) return [];
    return [{ item, structure, ...(offer ? { offer } : {}), name: offer ? `${structure.name} — ${offerTitle(offer, lang)}` : structure.name }];
  });
}
