/** Text folding for search: case, accents, ligatures and punctuation do not matter. */

const STOP_WORDS = new Set([
  'a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'ou', 'par', 'pour', 'sur', 'un', 'une', 'the', 'of', 'and',
]);

/** `Thérapie d’Œdème` → `therapie d oedeme` */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Folded words worth indexing or searching for (no stop words). */
export function words(text: string): string[] {
  const folded = fold(text);
  if (!folded) return [];
  return folded.split(' ').filter((w) => !STOP_WORDS.has(w));
}
