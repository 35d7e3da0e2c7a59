/**
 * The spreadsheet columns (documented in data-schema/csv-columns.md) and how each cell becomes a
 * feed value. Cells are only normalised here (labels → codes, "44,84" → 44.84, "oui" → true);
 * anything that cannot be normalised is passed through as typed, so the feed validator — the same
 * one the widget runs — judges it and words the message.
 */
import {
  ACCESS, AGES, AUDIENCES, CATEGORIES, COSTS, PATHWAYS, PHASES, REFERRALS, SETTINGS, STRUCTURE_KINDS,
  type Label,
} from '../feed/taxonomy.js';
import { HOW_TO } from '../feed/how-to.js';
import { LANGUAGE_CODES } from '../feed/languages.js';
import { unaccent } from '../util/fold.js';

export type Level = 'structure' | 'offer';
type Kind = 'text' | 'code' | 'codes' | 'bool' | 'number' | 'date' | 'digits' | 'digit-codes';

export interface Column {
  name: string;
  level: Level;
  /** Where the value goes in the structure or offer object. */
  path: readonly string[];
  kind: Kind;
  required?: boolean;
  /** For code cells: accepted spellings (normalised) → code. */
  vocabulary?: Map<string, string>;
  /** For digit cells and lists of digit codes: the expected length (leading zeros lost by spreadsheets are restored). */
  digits?: number;
}

/** Unaccented (lower case, no accents, œ → oe), typographic apostrophes and spaces unified, punctuation kept: how cells are matched. */
export function normalise(s: string): string {
  return unaccent(s).replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * Codes and their labels. Codes always win; a label shared by two codes is dropped (ambiguous),
 * and a label's variant without its "(…)" part is accepted too ("Espace de rencontres et d'information").
 */
function vocabulary(entries: readonly { code: string; labels: readonly Label[] }[]): Map<string, string> {
  const map = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const { code, labels } of entries) {
    for (const label of labels) {
      for (const text of [label.fr, label.en]) {
        for (const variant of [text, text.replace(/\s*\([^)]*\)\s*/g, ' ')]) {
          const key = normalise(variant);
          if (!key) continue;
          const known = map.get(key);
          if (known !== undefined && known !== code) ambiguous.add(key);
          else map.set(key, code);
        }
      }
    }
  }
  for (const key of ambiguous) map.delete(key);
  for (const { code } of entries) map.set(normalise(code), code);
  return map;
}

const fromEnum = (e: { codes: readonly string[]; labels: Record<string, Label> }) =>
  vocabulary(e.codes.map((code) => ({ code, labels: [e.labels[code]!] })));

const CARE_VOCABULARY = vocabulary(CATEGORIES.map((c) => ({ code: c.code, labels: [c.label, c.short] })));
const SUBCARE_VOCABULARY = vocabulary(CATEGORIES.flatMap((c) => c.subcares.map((s) => ({ code: s.code, labels: [s.label] }))));

/** Names a steward may type for the languages people ask about most (whatever ICU the Node running the CLI has). */
const COMMON_LANGUAGES: Record<string, string> = {
  anglais: 'en', arabe: 'ar', breton: 'br', espagnol: 'es', portugais: 'pt', allemand: 'de', italien: 'it',
  basque: 'eu', occitan: 'oc', russe: 'ru', chinois: 'zh', turc: 'tr', roumain: 'ro', polonais: 'pl',
  neerlandais: 'nl', ukrainien: 'uk', vietnamien: 'vi', persan: 'fa', wolof: 'wo', corse: 'co',
};

/**
 * ISO 639-1 codes and their names: the common French names above, then every code's French and
 * English names from Intl.DisplayNames (« anglais », « Arabic », « norvégien bokmål »); a name
 * two codes share is left out. Upper case and accents do not matter (`EN`, `Néerlandais`).
 */
function languageVocabulary(): Map<string, string> {
  let names: ((code: string) => Label) | undefined;
  try {
    const fr = new Intl.DisplayNames(['fr'], { type: 'language', fallback: 'none' });
    const en = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    names = (code) => ({ fr: fr.of(code) ?? '', en: en.of(code) ?? '' });
  } catch {
    // A Node without ICU language names: codes and the common names still work.
  }
  const entries = LANGUAGE_CODES.map((code) => ({ code, labels: names ? [names(code)] : [] }));
  const map = vocabulary(entries);
  for (const [name, code] of Object.entries(COMMON_LANGUAGES)) map.set(name, code);
  return map;
}

const S = (name: string, path: string[], kind: Kind, extra: Partial<Column> = {}): Column => ({ name, level: 'structure', path, kind, ...extra });
const O = (name: string, path: string[], kind: Kind, extra: Partial<Column> = {}): Column => ({ name, level: 'offer', path, kind, ...extra });

export const COLUMNS: readonly Column[] = [
  S('structure_id', ['id'], 'text', { required: true }),
  S('structure_nom', ['name'], 'text', { required: true }),
  S('type_structure', ['kind'], 'code', { required: true, vocabulary: fromEnum(STRUCTURE_KINDS) }),
  S('finess', ['finess'], 'digits', { digits: 9 }),
  S('siret', ['siret'], 'digits', { digits: 14 }),
  S('adresse', ['address', 'line'], 'text'),
  S('code_postal', ['address', 'postalCode'], 'digits', { required: true, digits: 5 }),
  S('commune', ['address', 'city'], 'text', { required: true }),
  S('code_insee', ['address', 'insee'], 'digits', { digits: 5 }),
  S('departement', ['department'], 'digits', { digits: 2 }),
  S('latitude', ['location', 'lat'], 'number'),
  S('longitude', ['location', 'lon'], 'number'),
  S('telephone', ['contact', 'phone'], 'text'),
  S('email', ['contact', 'email'], 'text'),
  S('site_web', ['contact', 'website'], 'text'),
  S('mssante', ['contact', 'mssante'], 'text'),
  S('acces_pmr', ['accessibility', 'wheelchair'], 'bool'),
  S('acceslibre', ['accessibility', 'acceslibre'], 'text'),
  S('horaires', ['hours'], 'text'),
  // FEED-SPEC 1.1: hours readers can read, a temporary closure, languages spoken besides French.
  S('horaires_osm', ['openingHours'], 'text'),
  S('fermeture_du', ['closure', 'from'], 'date'),
  S('fermeture_au', ['closure', 'until'], 'date'),
  S('fermeture_note', ['closure', 'note'], 'text'),
  S('langues', ['languages'], 'codes', { vocabulary: languageVocabulary() }),
  S('verifie_le', ['verifiedAt'], 'date', { required: true }),
  S('description_structure', ['description'], 'text'),
  O('offre_id', ['id'], 'text'),
  O('soin', ['care'], 'code', { required: true, vocabulary: CARE_VOCABULARY }),
  O('intitule', ['label'], 'text'),
  O('soins_precis', ['subcares'], 'codes', { vocabulary: SUBCARE_VOCABULARY }),
  O('publics', ['audiences'], 'codes', { required: true, vocabulary: fromEnum(AUDIENCES) }),
  O('ages', ['ages'], 'codes', { vocabulary: fromEnum(AGES) }),
  O('lieux', ['settings'], 'codes', { required: true, vocabulary: fromEnum(SETTINGS) }),
  O('phases', ['phases'], 'codes', { vocabulary: fromEnum(PHASES) }),
  O('acces', ['access'], 'codes', { vocabulary: fromEnum(ACCESS) }),
  O('orientation', ['referral'], 'code', { vocabulary: fromEnum(REFERRALS) }),
  O('cout', ['cost'], 'code', { vocabulary: fromEnum(COSTS) }),
  O('precision_cout', ['costNote'], 'text'),
  O('parcours', ['pathways'], 'codes', { vocabulary: fromEnum(PATHWAYS) }),
  O('non_conventionnelle', ['nonConventional'], 'bool'),
  O('description_offre', ['description'], 'text'),
  O('calendrier', ['schedule'], 'text'),
  // FEED-SPEC 1.1: when the offer runs, how a person gets in, where to book.
  O('offre_horaires_osm', ['openingHours'], 'text'),
  O('modalites_acces', ['howTo'], 'codes', { vocabulary: fromEnum(HOW_TO) }),
  O('lien_reservation', ['bookingUrl'], 'text'),
  // Where an offer at home or remote is available (FEED-SPEC 1.1 `serviceArea`).
  O('zone_departements', ['serviceArea', 'departments'], 'digit-codes', { digits: 2 }),
  O('zone_communes', ['serviceArea', 'communes'], 'digit-codes', { digits: 5 }),
  O('zone_rayon_km', ['serviceArea', 'radiusKm'], 'number'),
  O('offre_telephone', ['contact', 'phone'], 'text'),
  O('offre_email', ['contact', 'email'], 'text'),
  O('offre_site_web', ['contact', 'website'], 'text'),
];

/** Header cell → column name: "Vérifié le" and "verifie_le" are the same column. */
export function headerKey(h: string): string {
  return normalise(h).replace(/[\s-]+/g, '_');
}

const BOOLEANS: Record<string, boolean> = { oui: true, non: false, true: true, false: false, vrai: true, faux: false, '1': true, '0': false, yes: true, no: false };

export interface Converted {
  value: unknown;
  /** Set when the cell was repaired (leading zeros restored, date reformatted): worth telling. */
  note?: string;
}

/** One non-empty cell → the feed value (or the raw text, for the validator to reject). */
export function convertCell(column: Column, raw: string): Converted {
  const cell = raw.trim();
  switch (column.kind) {
    case 'text':
      return { value: cell };
    case 'code':
      return { value: column.vocabulary!.get(normalise(cell)) ?? cell };
    case 'codes':
      return { value: cell.split('|').map((v) => v.trim()).filter(Boolean).map((v) => column.vocabulary!.get(normalise(v)) ?? v) };
    case 'bool': {
      const b = BOOLEANS[normalise(cell)];
      return { value: b ?? cell };
    }
    case 'number': {
      const n = Number(cell.replace(/\s/g, '').replace(',', '.'));
      return { value: cell && Number.isFinite(n) ? n : cell };
    }
    case 'date': {
      const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
      if (!fr) return { value: cell };
      const iso = `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}`;
      return { value: iso };
    }
    case 'digits': {
      const compact = cell.replace(/\s/g, '');
      const want = column.digits!;
      // Spreadsheets read "01000" or "06 …" as numbers and drop the leading zero.
      if (/^[0-9]+$/.test(compact) && compact.length === want - 1) {
        const fixed = `0${compact}`;
        return { value: fixed, note: `« ${cell} » complété en « ${fixed} » (zéro initial perdu par le tableur ?)` };
      }
      return { value: compact };
    }
    case 'digit-codes': {
      // "33|24", "1 | 2a": each code restored like a digit cell ("1" → "01", "1004" → "01004").
      const want = column.digits!;
      const fixed: string[] = [];
      const value = cell.split('|').map((v) => v.replace(/\s/g, '').toUpperCase()).filter(Boolean).map((code) => {
        if (!/^[0-9]+$/.test(code) || code.length !== want - 1) return code;
        fixed.push(`« ${code} » complété en « 0${code} »`);
        return `0${code}`;
      });
      return fixed.length ? { value, note: `${fixed.join(', ')} (zéro initial perdu par le tableur ?)` } : { value };
    }
  }
}
