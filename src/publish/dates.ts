/** Calendar dates (`AAAA-MM-JJ`) for the campaign and the reports: months added, French wording. */

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isIsoDate = (s: unknown): s is string => typeof s === 'string' && DATE.test(s) && !Number.isNaN(Date.parse(s));

/**
 * `months` calendar months after `day`, on the month's last day when it is shorter (12 months
 * after 2024-02-29 is 2025-02-28, like the freshness rule counts).
 */
export function addMonths(day: string, months: number): string {
  const [, y, m, d] = DATE.exec(day)!.map(Number) as [number, number, number, number];
  const n = y * 12 + (m - 1) + months;
  const year = Math.floor(n / 12);
  const month = n % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * 864e5).toISOString().slice(0, 10);
}

/** `2026-09-05` → « 5 septembre 2026 » (1er for the first of the month). */
export function frenchDate(day: string): string {
  const m = DATE.exec(day);
  if (!m) return day;
  const d = Number(m[3]);
  return `${d === 1 ? '1er' : d} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** `2026-09-05` → `05/09/2026`. */
export function shortFrenchDate(day: string): string {
  const m = DATE.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}
