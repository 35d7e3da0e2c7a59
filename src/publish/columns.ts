/**
 * The spreadsheet columns (documented in data-schema/csv-columns.md) and how each cell becomes a
 * feed value. Cells are only normalised here (labels → codes, "44,84" → 44.84, "oui" → true);
 * anything that cannot be normalised is passed through as typed, so the feed validator — the same
 * one the widget runs — judges it and words the message. The way back (a feed value → a cell) is
 * here too, so the working spreadsheet round-trips.
 *
 * Private columns (FEED-SPEC « Private columns »): the structure's référent and the date of the
 * last reminder, kept in the spreadsheet for the yearly check, never written into a feed.
 */
import {
  ACCESS, AGES, AUDIENCES, CATEGORIES, COSTS, PATHWAYS, PHASES, REFERRALS, SETTINGS, STRUCTURE_KINDS,
  type Label,
} from '../feed/taxonomy.js';
import { HOW_TO } from '../feed/how-to.js';
import { LANGUAGE_CODES } from '../feed/languages.js';
import { fold, unaccent } from '../util/fold.js';
import { readPhone } from './phone.js';

export type Level = 'structure' | 'offer' | 'private';
export type Kind = 'text' | 'code' | 'codes' | 'bool' | 'number' | 'date' | 'digits' | 'digit-codes' | 'phone';

export interface Column {
  name: string;
  level: Level;
  /** Where the value goes in the structure, the offer or the private record. */
  path: readonly string[];
  kind: Kind;
  required?: boolean;
  /** For code cells: accepted spellings (normalised) → code. */
  vocabulary?: Map<string, string>;
  /** For code cells: the codes themselves, with their French label (for suggestions). */
  codes?: ReadonlyMap<string, string>;
  /** For digit cells and lists of digit codes: the expected length (leading zeros lost by spreadsheets are restored). */
  digits?: number;
}

/** The référent and the campaign's date for one structure: private, never in a feed. */
export interface PrivateInfo {
  name?: string;
  email?: string;
  phone?: string;
  /** Date of the last reminder sent, `AAAA-MM-JJ`. */
  lastReminder?: string;
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

const enumCodes = (e: { codes: readonly string[]; labels: Record<string, Label> }) => new Map(e.codes.map((c) => [c, e.labels[c]!.fr]));
const fromEnum = (e: { codes: readonly string[]; labels: Record<string, Label> }) =>
  ({ vocabulary: vocabulary(e.codes.map((code) => ({ code, labels: [e.labels[code]!] }))), codes: enumCodes(e) });

const CARE = {
  vocabulary: vocabulary(CATEGORIES.map((c) => ({ code: c.code, labels: [c.label, c.short] }))),
  codes: new Map<string, string>(CATEGORIES.map((c) => [c.code, c.label.fr])),
};
const SUBCARE = {
  vocabulary: vocabulary(CATEGORIES.flatMap((c) => c.subcares.map((s) => ({ code: s.code, labels: [s.label] })))),
  codes: new Map<string, string>(CATEGORIES.flatMap((c) => c.subcares.map((s) => [s.code, s.label.fr] as const))),
};

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
function languages(): { vocabulary: Map<string, string>; codes: Map<string, string> } {
  let names: ((code: string) => Label) | undefined;
  try {
    const fr = new Intl.DisplayNames(['fr'], { type: 'language', fallback: 'none' });
    const en = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    names = (code) => ({ fr: fr.of(code) ?? '', en: en.of(code) ?? '' });
  } catch {
    // A runtime without ICU language names: codes and the common names still work.
  }
  const entries = LANGUAGE_CODES.map((code) => ({ code, labels: names ? [names(code)] : [] }));
  const map = vocabulary(entries);
  for (const [name, code] of Object.entries(COMMON_LANGUAGES)) map.set(name, code);
  return { vocabulary: map, codes: new Map(LANGUAGE_CODES.map((c) => [c, names?.(c).fr || c])) };
}

const S = (name: string, path: string[], kind: Kind, extra: Partial<Column> = {}): Column => ({ name, level: 'structure', path, kind, ...extra });
const O = (name: string, path: string[], kind: Kind, extra: Partial<Column> = {}): Column => ({ name, level: 'offer', path, kind, ...extra });
const P = (name: string, path: string[], kind: Kind): Column => ({ name, level: 'private', path, kind });

/** The columns of the feed, in the order the working spreadsheet is written. */
export const COLUMNS: readonly Column[] = [
  S('structure_id', ['id'], 'text', { required: true }),
  S('structure_nom', ['name'], 'text', { required: true }),
  S('type_structure', ['kind'], 'code', { required: true, ...fromEnum(STRUCTURE_KINDS) }),
  S('finess', ['finess'], 'digits', { digits: 9 }),
  S('siret', ['siret'], 'digits', { digits: 14 }),
  S('adresse', ['address', 'line'], 'text'),
  S('code_postal', ['address', 'postalCode'], 'digits', { required: true, digits: 5 }),
  S('commune', ['address', 'city'], 'text', { required: true }),
  S('code_insee', ['address', 'insee'], 'digits', { digits: 5 }),
  S('departement', ['department'], 'digits', { digits: 2 }),
  S('latitude', ['location', 'lat'], 'number'),
  S('longitude', ['location', 'lon'], 'number'),
  S('telephone', ['contact', 'phone'], 'phone'),
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
  S('langues', ['languages'], 'codes', languages()),
  S('verifie_le', ['verifiedAt'], 'date', { required: true }),
  S('description_structure', ['description'], 'text'),
  O('offre_id', ['id'], 'text'),
  O('soin', ['care'], 'code', { required: true, ...CARE }),
  O('intitule', ['label'], 'text'),
  O('soins_precis', ['subcares'], 'codes', SUBCARE),
  O('publics', ['audiences'], 'codes', { required: true, ...fromEnum(AUDIENCES) }),
  O('ages', ['ages'], 'codes', fromEnum(AGES)),
  O('lieux', ['settings'], 'codes', { required: true, ...fromEnum(SETTINGS) }),
  O('phases', ['phases'], 'codes', fromEnum(PHASES)),
  O('acces', ['access'], 'codes', fromEnum(ACCESS)),
  O('orientation', ['referral'], 'code', fromEnum(REFERRALS)),
  O('cout', ['cost'], 'code', fromEnum(COSTS)),
  O('precision_cout', ['costNote'], 'text'),
  O('parcours', ['pathways'], 'codes', fromEnum(PATHWAYS)),
  O('non_conventionnelle', ['nonConventional'], 'bool'),
  O('description_offre', ['description'], 'text'),
  O('calendrier', ['schedule'], 'text'),
  // FEED-SPEC 1.1: when the offer runs, how a person gets in, where to book.
  O('offre_horaires_osm', ['openingHours'], 'text'),
  O('modalites_acces', ['howTo'], 'codes', fromEnum(HOW_TO)),
  O('lien_reservation', ['bookingUrl'], 'text'),
  // Where an offer at home or remote is available (FEED-SPEC 1.1 `serviceArea`).
  O('zone_departements', ['serviceArea', 'departments'], 'digit-codes', { digits: 2 }),
  O('zone_communes', ['serviceArea', 'communes'], 'digit-codes', { digits: 5 }),
  O('zone_rayon_km', ['serviceArea', 'radiusKm'], 'number'),
  O('offre_telephone', ['contact', 'phone'], 'phone'),
  O('offre_email', ['contact', 'email'], 'text'),
  O('offre_site_web', ['contact', 'website'], 'text'),
  O('offre_mssante', ['contact', 'mssante'], 'text'),
];

/** The private columns (never in a feed): the référent, and when the last reminder was sent. */
export const PRIVATE_COLUMNS: readonly Column[] = [
  P('referent_nom', ['name'], 'text'),
  P('referent_email', ['email'], 'text'),
  P('referent_telephone', ['phone'], 'phone'),
  P('derniere_relance', ['lastReminder'], 'date'),
];

/** Every column, in the working spreadsheet's order: the structure's, the private ones, the offer's. */
export const SHEET_COLUMNS: readonly Column[] = [
  ...COLUMNS.filter((c) => c.level === 'structure'),
  ...PRIVATE_COLUMNS,
  ...COLUMNS.filter((c) => c.level === 'offer'),
];

export const columnByName: ReadonlyMap<string, Column> = new Map(SHEET_COLUMNS.map((c) => [c.name, c]));

/** Header cell → column name: "Vérifié le" and "verifie_le" are the same column. */
export function headerKey(h: string): string {
  return normalise(h).replace(/[\s-]+/g, '_');
}

const STOP_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'a', 'au', 'aux', 'en', 'et', 's', 'x', 'n', 'no']);

/**
 * A header reduced to its meaningful words, singular: « Nom de la structure » → `nom_structure`,
 * « Public(s) » → `public`, « N° FINESS » → `finess`. Headers are matched on this.
 */
export function looseHeader(h: string): string {
  return fold(h).split(' ').filter((w) => w && !STOP_WORDS.has(w)).map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)).join('_');
}

/**
 * Other headers stewards give these columns, read as the column (written as looseHeader gives
 * them). A name that could mean two columns (« Description ») is not here: it gets a suggestion.
 */
const ALIASES: Record<string, readonly string[]> = {
  structure_id: ['id', 'identifiant', 'identifiant_structure', 'code_structure', 'ref_structure', 'reference_structure'],
  structure_nom: ['nom', 'nom_structure', 'structure', 'raison_sociale', 'nom_etablissement', 'denomination'],
  type_structure: ['type', 'type_structure', 'nature_structure', 'categorie_structure'],
  finess: ['numero_finess', 'finess_et', 'finess_geographique', 'num_finess'],
  siret: ['numero_siret', 'num_siret'],
  adresse: ['adresse_postale', 'rue', 'voie', 'numero_voie', 'adresse_ligne'],
  code_postal: ['cp', 'codepostal', 'code_post'],
  commune: ['ville', 'localite'],
  code_insee: ['insee', 'code_commune', 'cog', 'code_commune_insee'],
  departement: ['dept', 'dep', 'code_departement', 'numero_departement'],
  latitude: ['lat'],
  longitude: ['lon', 'lng', 'long'],
  telephone: ['tel', 'telephone_structure', 'tel_structure', 'numero_telephone', 'phone', 'standard'],
  email: ['e_mail', 'mail', 'courriel', 'adresse_mail', 'adresse_electronique', 'email_structure', 'courriel_structure'],
  site_web: ['site', 'site_internet', 'url', 'web', 'site_web_structure', 'lien'],
  acces_pmr: ['pmr', 'accessibilite_pmr', 'accessible_pmr', 'accessibilite', 'acces_handicape'],
  horaires: ['horaire', 'horaires_ouverture', 'heures_ouverture', 'ouverture'],
  verifie_le: ['date_verification', 'derniere_verification', 'verifie', 'verification', 'date_mise_jour', 'mise_jour', 'maj', 'date_maj', 'verifiee_le', 'date_derniere_verification'],
  description_structure: ['presentation', 'presentation_structure'],
  offre_id: ['id_offre', 'identifiant_offre', 'code_offre', 'ref_offre'],
  soin: ['categorie', 'categorie_soin', 'type_soin', 'soin_support', 'domaine'],
  intitule: ['intitule_offre', 'nom_offre', 'titre', 'libelle', 'offre', 'libelle_offre'],
  soins_precis: ['soin_precis', 'sous_categorie', 'soins_detaille', 'prestation', 'detail_soin'],
  publics: ['public', 'public_concerne', 'beneficiaire', 'pour_qui'],
  ages: ['age', 'tranche_age'],
  lieux: ['lieu', 'lieu_soin', 'cadre', 'ou'],
  phases: ['phase', 'phase_parcour', 'moment_parcour', 'moment', 'temps_parcour'],
  acces: ['condition_acces', 'patients_admis'],
  orientation: ['mode_orientation', 'adressage'],
  cout: ['tarif', 'prix', 'cout_patient'],
  precision_cout: ['precision_tarif', 'detail_cout', 'detail_tarif'],
  parcours: ['parcour'],
  non_conventionnelle: ['pratique_non_conventionnelle', 'psnc'],
  calendrier: ['jours_horaires', 'frequence', 'planning'],
  modalites_acces: ['modalite_acces', 'comment_y_acceder', 'mode_acces'],
  lien_reservation: ['reservation', 'prise_rendez_vous', 'rendez_vous_en_ligne', 'inscription', 'lien_inscription'],
  offre_telephone: ['telephone_offre', 'tel_offre'],
  offre_email: ['email_offre', 'mail_offre', 'courriel_offre'],
  offre_site_web: ['site_offre', 'site_web_offre'],
  offre_mssante: ['mssante_offre'],
  referent_nom: ['referent', 'nom_referent', 'contact_referent', 'personne_referente', 'referente'],
  referent_email: ['email_referent', 'mail_referent', 'courriel_referent', 'e_mail_referent'],
  referent_telephone: ['telephone_referent', 'tel_referent'],
  derniere_relance: ['date_relance', 'date_derniere_relance', 'relance', 'relance_le', 'relancee_le'],
};

/** looseHeader → column name, for the names and the aliases (a loose form two columns share is left out). */
const BY_LOOSE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const clash = new Set<string>();
  const add = (key: string, name: string) => {
    if (map.has(key) && map.get(key) !== name) clash.add(key);
    else map.set(key, name);
  };
  for (const c of SHEET_COLUMNS) add(looseHeader(c.name), c.name);
  for (const [name, aliases] of Object.entries(ALIASES)) for (const a of aliases) add(a, name);
  for (const key of clash) map.delete(key);
  // The exact names always win over another column's alias.
  for (const c of SHEET_COLUMNS) map.set(looseHeader(c.name), c.name);
  return map;
})();

/** Every loose form, for suggestions on a header that matches none. */
export const LOOSE_HEADERS: ReadonlyMap<string, string> = BY_LOOSE;

/**
 * The column a header cell names: exactly (`verifie_le`, « Vérifié le »), or by a common other
 * name (« CP », « Nom de la structure », « Date de vérification »): `alias` then says so.
 */
export function columnForHeader(h: string): { column: Column; alias: boolean } | undefined {
  const exact = columnByName.get(headerKey(h));
  if (exact) return { column: exact, alias: false };
  const name = BY_LOOSE.get(looseHeader(h));
  return name ? { column: columnByName.get(name)!, alias: true } : undefined;
}

const BOOLEANS: Record<string, boolean> = { oui: true, non: false, true: true, false: false, vrai: true, faux: false, '1': true, '0': false, yes: true, no: false, x: true };

export interface Converted {
  value: unknown;
  /** Set when the cell was repaired (leading zeros restored, date reformatted): worth telling. */
  note?: string;
  /** The cell as it should be typed, when it was repaired or a better spelling is known. */
  repaired?: string;
  /** For code cells: the values that are neither a code nor a label (passed through for the validator). */
  unknown?: string[];
}

const pad2 = (n: string) => n.padStart(2, '0');

/** `15/09/2026`, `15.09.2026`, `15-9-2026`, `2026-09-15 00:00` → `2026-09-15`; undefined when not a date written so. */
export function readDate(cell: string): { iso: string; short?: boolean } | undefined {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(cell);
  if (iso) return { iso: iso[1]! };
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(cell);
  if (!fr) return undefined;
  const year = fr[3]!.length === 2 ? `20${fr[3]}` : fr[3]!;
  // « 32/13/2025 » or « 31/02/2026 » is no day: left as typed, so the message quotes what the steward wrote.
  const day = new Date(Date.UTC(Number(year), Number(fr[2]) - 1, Number(fr[1])));
  if (day.getUTCDate() !== Number(fr[1]) || day.getUTCMonth() !== Number(fr[2]) - 1) return undefined;
  return { iso: `${year}-${pad2(fr[2]!)}-${pad2(fr[1]!)}`, short: fr[3]!.length === 2 };
}

/** An Excel date serial number (days since 30/12/1899) → `AAAA-MM-JJ`, for plausible dates (1954–2119). */
function excelSerial(cell: string): string | undefined {
  if (!/^\d{5}$/.test(cell)) return undefined;
  const n = Number(cell);
  if (n < 20000 || n > 80000) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + n * 864e5).toISOString().slice(0, 10);
}

/** A code typed with spaces or other case (« Après traitement » for `apres-traitement`): that code, else undefined. */
export function codeVariant(column: Column, value: string): string | undefined {
  const guess = fold(value).replace(/ /g, '-');
  return guess && column.codes?.has(guess) ? guess : undefined;
}

/** One non-empty cell → the feed value (or the raw text, for the validator to reject). */
export function convertCell(column: Column, raw: string): Converted {
  const cell = raw.trim();
  switch (column.kind) {
    case 'text':
      return { value: cell };
    case 'code': {
      const known = column.vocabulary!.get(normalise(cell));
      if (known !== undefined) return { value: known };
      const variant = codeVariant(column, cell);
      if (variant) return { value: variant, note: `« ${cell} » lu comme le code « ${variant} »`, repaired: variant };
      return { value: cell, unknown: [cell] };
    }
    case 'codes': {
      const parts = cell.split('|').map((v) => v.trim()).filter(Boolean);
      const unknown: string[] = [];
      const read: string[] = [];
      const value = parts.map((v) => {
        const known = column.vocabulary!.get(normalise(v));
        if (known !== undefined) return known;
        const variant = codeVariant(column, v);
        if (variant) {
          read.push(`« ${v} » lu comme le code « ${variant} »`);
          return variant;
        }
        unknown.push(v);
        return v;
      });
      const out: Converted = { value };
      if (read.length) {
        out.note = read.join(', ');
        out.repaired = parts.map((v) => codeVariant(column, v) && !column.vocabulary!.has(normalise(v)) ? codeVariant(column, v)! : v).join('|');
      }
      if (unknown.length) out.unknown = unknown;
      return out;
    }
    case 'bool': {
      const b = BOOLEANS[normalise(cell)];
      return { value: b ?? cell };
    }
    case 'number': {
      const n = Number(cell.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
      return { value: cell && Number.isFinite(n) ? n : cell };
    }
    case 'date': {
      const date = readDate(cell);
      if (date) {
        return date.short
          ? { value: date.iso, note: `« ${cell} » lu comme le ${date.iso.split('-').reverse().join('/')} (année sur deux chiffres)`, repaired: date.iso }
          : { value: date.iso };
      }
      const serial = excelSerial(cell);
      if (serial) return { value: serial, note: `« ${cell} » lu comme la date ${serial.split('-').reverse().join('/')} (date Excel en nombre de jours)`, repaired: serial };
      return { value: cell };
    }
    case 'phone': {
      const phone = readPhone(cell);
      if (phone.lostZero) return { value: phone.value, note: `« ${cell} » complété en « ${phone.value} » (zéro initial perdu par le tableur ?)`, repaired: phone.value };
      if (phone.found) return { value: phone.value, repaired: phone.found };
      return { value: phone.value };
    }
    case 'digits': {
      const compact = cell.replace(/\s/g, '');
      const want = column.digits!;
      // Spreadsheets read "01000" or "06 …" as numbers and drop the leading zero.
      if (/^[0-9]+$/.test(compact) && compact.length === want - 1) {
        const fixed = `0${compact}`;
        return { value: fixed, note: `« ${cell} » complété en « ${fixed} » (zéro initial perdu par le tableur ?)`, repaired: fixed };
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
      return fixed.length ? { value, note: `${fixed.join(', ')} (zéro initial perdu par le tableur ?)`, repaired: value.join('|') } : { value };
    }
  }
}

/**
 * A feed value → the text of its cell, so that convertCell reads it back to the same value:
 * lists joined with `|`, booleans « oui » / « non », numbers with a decimal comma (French
 * spreadsheets read them as numbers). Values of the wrong type (a feed being fixed) are written
 * as they are, so nothing is lost on the way to the spreadsheet.
 */
export function cellFor(column: Column, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')).join('|');
  if (typeof value === 'boolean') return column.kind === 'bool' ? (value ? 'oui' : 'non') : String(value);
  if (typeof value === 'number') return column.kind === 'number' ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}
