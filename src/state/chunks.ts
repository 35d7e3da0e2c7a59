/**
 * The chunks loaded on demand, each behind one loader shared by every element of the page: the
 * store and the card ask for the opening-hours chunk; whoever asks first fetches it.
 */

/** Loads a chunk once; a failed load is tried again next time. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    if (!p) {
      p = load();
      p.catch(() => (p = undefined));
    }
    return p;
  };
}

export type TextModule = typeof import('../search/text/index.js');
export type CommunesModule = typeof import('../geo/communes.js');
export type RegionsModule = typeof import('../geo/regions.js');
export type HoursModule = typeof import('../hours/index.js');

/** Free text: tokens, lexicon, the text index (after the first results are on screen). */
export const loadTextModule = once<TextModule>(() => import('../search/text/index.js'));
/** The commune index (a place typed or chosen). */
export const loadCommunesModule = once<CommunesModule>(() => import('../geo/communes.js'));
/** Région names and départements (a place outside the directory's regions). */
export const loadRegionsModule = once<RegionsModule>(() => import('../geo/regions.js'));
/** Opening hours (FEED-SPEC 1.1): only when a feed has `openingHours` or `closure`. */
export const loadHoursModule = once<HoursModule>(() => import('../hours/index.js'));
