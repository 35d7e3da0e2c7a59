/**
 * French messages for schema issues: what is wrong, with the offending value, so a data steward
 * can fix the record from the message alone (`structures[12].offers[0].care: code inconnu "homeopathie"`).
 * Only validate-detail.ts imports this module: a valid feed never loads these sentences.
 */
import type { core } from 'zod/mini';
import { quote, type PathSegment } from './messages.js';

/** What a feed's date must look like (a spreadsheet also takes JJ/MM/AAAA: publish/sheet.ts says so). */
export const DATE_EXPECTED = 'attendu AAAA-MM-JJ, par ex. 2026-03-12';

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte', number: 'un nombre', boolean: 'vrai ou faux (true/false)', object: 'un objet',
  array: 'une liste', undefined: 'rien', null: 'null', bigint: 'un nombre',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Field-specific hints for pattern errors, keyed by the last path segment. */
const FORMAT_HINTS: Record<string, string> = {
  id: 'lettres, chiffres, « . », « _ » ou « - », 64 caractères au plus',
  postalCode: '5 chiffres',
  insee: 'code commune INSEE à 5 caractères, 2A/2B admis',
  department: 'code département : "33", "2A", "971"…',
  finess: '9 caractères',
  siret: '14 chiffres',
  phone: 'chiffres, espaces, points, tirets, + en tête',
  region: 'code région INSEE à 2 chiffres',
  departments: 'code département : "33", "2A", "971"…',
  communes: 'code commune INSEE à 5 caractères, 2A/2B admis',
};

/** Field-specific hints for numbers out of range, keyed like FORMAT_HINTS. */
const RANGE_HINTS: Record<string, string> = {
  radiusKm: 'rayon en kilomètres : plus de 0, 1000 au plus',
};

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathSegment, unknown>)[seg];
  }
  return v;
}

/** One zod issue as a French sentence. `root` is the value that was parsed (to quote the culprit). */
export function issueMessage(issue: core.$ZodIssue, root: unknown): string {
  const value = valueAt(root, issue.path as PathSegment[]);
  // The field a hint is for: `departments` for `serviceArea.departments[0]`, not `0`.
  let field = '';
  for (let k = issue.path.length - 1; k >= 0 && !field; k--) if (typeof issue.path[k] === 'string') field = issue.path[k] as string;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'champ obligatoire manquant';
      return `${TYPE_NAMES[issue.expected] ?? issue.expected} attendu, reçu ${TYPE_NAMES[typeOf(value)] ?? typeOf(value)} ${quote(value)}`;
    case 'invalid_value':
      if (issue.values.length === 1) return `valeur attendue ${quote(issue.values[0])}, reçu ${quote(value)}`;
      return `code inconnu ${quote(value)}${issue.values.length <= 6 ? ` (codes admis : ${issue.values.join(', ')})` : ''}`;
    case 'invalid_format':
      switch (issue.format) {
        case 'email': return `adresse électronique invalide ${quote(value)}`;
        case 'url': return `lien refusé ${quote(value)} : seules les adresses http:// et https:// sont admises`;
        case 'date': return `date invalide ${quote(value)} (${DATE_EXPECTED})`;
        case 'datetime': return `date et heure invalides ${quote(value)} (attendu RFC 3339, par ex. 2026-10-12T08:00:00Z)`;
        default:
          // Two letters or not, an unknown language is one problem: not a code of the list.
          if (field === 'languages') return `code de langue inconnu ${quote(value)} (attendu un code ISO 639-1 : deux lettres minuscules, par ex. "en", "es", "ar")`;
          return `format invalide ${quote(value)}${FORMAT_HINTS[field] ? ` (${FORMAT_HINTS[field]})` : ''}`;
      }
    case 'too_small':
      if (issue.origin === 'array') return `liste vide : au moins ${String(issue.minimum)} élément attendu`;
      if (issue.origin === 'string') return 'texte vide';
      return `valeur trop petite ${quote(value)} (${RANGE_HINTS[field] ?? `minimum ${String(issue.minimum)}`})`;
    case 'too_big':
      if (issue.origin === 'string') return `texte trop long (${String(issue.maximum)} caractères au plus)`;
      if (issue.origin === 'array') return `liste trop longue (${String(issue.maximum)} éléments au plus)`;
      return `valeur hors limites ${quote(value)} (${RANGE_HINTS[field] ?? `maximum ${String(issue.maximum)}`})`;
    default:
      return `valeur invalide ${quote(value)}`;
  }
}
