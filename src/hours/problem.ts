/**
 * Why an `openingHours` value cannot be read, in French, for the publisher: the CLI's and the
 * validator's diagnostics, the widget's console. Says what is wrong, where in the value, and what
 * is expected; the value itself is quoted by the caller (with its path).
 */
import { parseOpeningHours, type HoursError } from './parse.js';

const EXPECTED = 'attendu par ex. « Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:00; PH off »';

const WHY: Record<HoursError['code'], string> = {
  empty: 'valeur vide',
  'too-long': 'plus de 1000 caractères',
  syntax: 'syntaxe non reconnue',
  'unknown-word': 'mot inconnu (jours en anglais abrégé : Mo Tu We Th Fr Sa Su, PH pour les jours fériés ; mois : Jan … Dec)',
  unsupported: 'élément de la syntaxe OSM non pris en charge ici (vacances scolaires SH, lever du soleil, semaines, « || », horaire sans fin…)',
  'bad-time': 'heure invalide (attendu HH:MM-HH:MM, par ex. 09:00-12:30)',
  'bad-date': 'date inexistante ou période à l’envers',
  'bad-nth': 'rang de semaine invalide (1 à 5, ou -1 pour la dernière)',
};

/** French reason a value is unreadable (« mot inconnu … à « lundi matin » »), or undefined when it reads. */
export function hoursProblem(text: string): string | undefined {
  const r = parseOpeningHours(text);
  if (r.ok) return undefined;
  const { code, at } = r.error;
  const near = code === 'empty' || code === 'too-long' ? '' : text.slice(at, at + 20).trim();
  return `${WHY[code]}${near ? `, à « ${near}${text.length > at + 20 ? '…' : ''} »` : ''} ; ${EXPECTED}`;
}
