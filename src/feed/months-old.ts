/**
 * Whether a date is more than N calendar months before today, on the Paris day: the core of the
 * freshness rule (feed/freshness.ts), alone so that the widget's initial code (the list's
 * « à vérifier », the order of results) carries only this, and the full rule (`due`, `overdue`,
 * `remove`, months since) loads with the card, the printed selection and the tools.
 *
 * No Intl here (its first use on a page costs locale data, see i18n/format.ts): the Paris day is
 * UTC plus one hour, two in summer time (EU rule, from the last Sunday of March to the last
 * Sunday of October, at 01:00 UTC). A `today` built from a date alone (`new Date('2026-12-02')`,
 * UTC midnight) is that day in Paris.
 */

/** Older than this many calendar months: « à vérifier ». */
export const OVERDUE_MONTHS = 12;
/** Older than this many calendar months (12 + 2 months' grace): listed last, left out of a published feed. */
export const REMOVE_MONTHS = 14;

export const DAY_MS = 864e5;
/** `YYYY-MM-DD` at the start of a value, its parts captured. */
export const ISO_DAY = /^(\d{4})-(\d\d)-(\d\d)/;

/** 01:00 UTC on the last Sunday of `month` (0-based) of `year`: when EU clocks change. */
function lastSunday(year: number, month: number): number {
  const t = Date.UTC(year, month + 1, 0, 1);
  return t - new Date(t).getUTCDay() * DAY_MS;
}

/** The Paris calendar date of an instant, `YYYY-MM-DD`. Throws a RangeError for an invalid date. */
export function parisDate(at: Date | number = Date.now()): string {
  const t = +at;
  const y = new Date(t).getUTCFullYear();
  const summer = t >= lastSunday(y, 2) && t < lastSunday(y, 9);
  return new Date(t + (summer ? 2 : 1) * 36e5).toISOString().slice(0, 10);
}

/**
 * The date `months` calendar months before `day` (`YYYY-MM-DD`), kept even when that month is
 * shorter (`2026-04-30` minus 14 months is `2025-02-30`): a `verifiedAt` is more than `months`
 * months before `day` exactly when it sorts before this string. One string compare per structure
 * (the search sorts thousands with it).
 */
export function monthsBefore(day: string, months: number): string {
  const [, y, m, d] = ISO_DAY.exec(day)!;
  const n = +y! * 12 + +m! - 1 - months;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-${d}`;
}

/**
 * Whether `verifiedAt` (a valid `YYYY-MM-DD`, as a validated feed has) is more than `months`
 * calendar months before `today`: `olderThan(v, OVERDUE_MONTHS, t)` is `needsCheck(freshness(v, t))`
 * (feed/freshness.ts) in fewer bytes.
 */
export const olderThan = (verifiedAt: string, months: number, today: Date | number): boolean =>
  verifiedAt < monthsBefore(parisDate(today), months);
