/**
 * Text folding: case, accents, ligatures and punctuation do not matter when words are compared.
 * The one place that says how (search, commune names, CSV cells): `unaccent` below, and thin
 * variants built on it (here and in fold-lines.ts, which only lazy chunks need).
 */

/** Lower case, accents removed, œ → oe, æ → ae; everything else kept: `Lymphœdème (MLD)` → `lymphoedeme (mld)`. */
export function unaccent(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/** Words only: unaccented, every run of other characters than a–z and 0–9 one space, trimmed: `Thérapie d’Œdème` → `therapie d oedeme`. */
export function fold(text: string): string {
  return unaccent(text).replace(/[^a-z0-9]+/g, ' ').trim();
}
