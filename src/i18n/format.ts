/** Locale-aware formatting of what the elements show. */

export type Lang = 'fr' | 'en';

// Numbers and dates are formatted by hand: the first Intl.NumberFormat/DateTimeFormat of a page
// loads locale data (≈25 ms on a fast machine, 4× that on a phone) for what are integers, a
// one-decimal distance and a DD/MM/YYYY date in both languages.

/** Groups of three digits: narrow no-break space in French ("12 345"), comma in English ("12,345"). */
function group(digits: string, lang: Lang): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? '\u202f' : ',');
}

/** "3,2 km" / "3.2 km"; whole kilometres from 10 km. */
export function formatKm(km: number, lang: Lang): string {
  const rounded = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
  const [int, dec] = String(rounded).split('.');
  return `${group(int!, lang)}${dec ? (lang === 'fr' ? ',' : '.') + dec : ''}\u00a0km`;
}

/** `2026-03-12` → "12/03/2026" in both languages (en-GB order): the calendar date, no time zone shift. */
export function formatDate(isoDate: string, _lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

export function formatCount(n: number, lang: Lang): string {
  return n < 0 ? `-${formatCount(-n, lang)}` : group(String(Math.round(n)), lang);
}

/** "1 structure" / "12 structures". */
export function plural(n: number, lang: Lang, one: string, many: string): string {
  return `${formatCount(n, lang)}\u00a0${n === 1 || (lang === 'fr' && n === 0) ? one : many}`;
}

/** The UI language of an element: its own `lang`, else its store's, else French. */
export function langOf(el: HTMLElement, storeLang?: Lang): Lang {
  const own = el.getAttribute('lang');
  return own ? toLang(own) : storeLang ?? 'fr';
}

/** A `lang` value (`en`, `en-GB`, `fr-FR`…) as one of the two UI languages; French by default. */
export function toLang(value: string): Lang {
  return value.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
