/** Locale-aware formatting of what the elements show. */
import type { Label } from '../feed/taxonomy.js';

export type Lang = 'fr' | 'en';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'fr-FR');

// Intl formatters are costly to build (≈0.1 ms each): a filter panel formats hundreds of counts per keystroke.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

export function label(l: Label | undefined, lang: Lang, fallback = ''): string {
  return l ? l[lang] : fallback;
}

/** "3,2 km" / "3.2 km"; whole kilometres past 10. */
export function formatKm(km: number, lang: Lang): string {
  const digits = km < 10 ? 1 : 0;
  return formatter(`km${lang}${digits}`, () => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits })).format(km) + '\u00a0km';
}

/** `2026-03-12` → "12/03/2026" (fr) or "12/03/2026" (en-GB): the calendar date, no time zone shift. */
export function formatDate(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return formatter(`date${lang}`, () => new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC' })).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatCount(n: number, lang: Lang): string {
  return formatter(`n${lang}`, () => new Intl.NumberFormat(locale(lang))).format(n);
}

/** "1 structure" / "12 structures". */
export function plural(n: number, lang: Lang, one: string, many: string): string {
  return `${formatCount(n, lang)}\u00a0${n === 1 || (lang === 'fr' && n === 0) ? one : many}`;
}

/** The UI language of an element: its own `lang`, else its store's, else French. */
export function langOf(el: HTMLElement, storeLang?: Lang): Lang {
  const own = el.getAttribute('lang');
  if (own) return own.toLowerCase().startsWith('en') ? 'en' : 'fr';
  return storeLang ?? 'fr';
}
