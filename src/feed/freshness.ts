/**
 * The freshness rule (FEED-SPEC « Freshness rule », the regional charter): every structure
 * re-confirms its record each year. One rule for the widget (the list's « à vérifier », the card's
 * notice, the order of results) and the publishing tools (the yearly campaign, what a published
 * feed leaves out), so they never disagree about a record.
 *
 * - `ok`: verified less than 12 calendar months ago, and its anniversary is more than 30 days away.
 * - `due`: its 12-month anniversary is today or within the next 30 days (time to send the reminder).
 * - `overdue`: more than 12 calendar months (the day after the anniversary): « à vérifier ».
 * - `remove`: more than 14 calendar months (12 + the 2 months' grace after the reminder): listed
 *   last by readers, left out of the published feed by the tools unless kept on purpose.
 *
 * Calendar months, on the Paris calendar date (the visitor's time zone does not move the day):
 * « 12 months after 12 March 2025 » is 12 March 2026, so a record verified on 12/03/2025 is overdue
 * from 13/03/2026. A month that has no such day ends the count on its last day: 12 months after
 * 29 February 2024 is 28 February 2025 (overdue from 1 March), 14 months after 31 December 2024 is
 * 28 February 2026 (to remove from 1 March). A `verifiedAt` after today (a typo, a clock) is `ok`;
 * one that is not a date (YYYY-MM-DD…) is `remove`: nothing says it was ever checked.
 *
 * No Intl here (its first use on a page costs locale data, see i18n/format.ts): the Paris day is
 * UTC plus one hour, two in summer time (EU rule, from the last Sunday of March to the last
 * Sunday of October, at 01:00 UTC). A `today` built from a date alone (`new Date('2026-12-02')`,
 * UTC midnight) is that day in Paris.
 */

export type Freshness = 'ok' | 'due' | 'overdue' | 'remove';

/** The reminder is due this many days before the 12-month anniversary. */
export const DUE_DAYS = 30;
/** Older than this many calendar months: « à vérifier ». */
export const OVERDUE_MONTHS = 12;
/** Older than this many calendar months (12 + 2 months' grace): listed last, left out of a published feed. */
export const REMOVE_MONTHS = 14;

const DAY = 864e5;
const DATE = /^(\d{4})-(\d\d)-(\d\d)/;

/** 01:00 UTC on the last Sunday of `month` (0-based) of `year`: when EU clocks change. */
function lastSunday(year: number, month: number): number {
  const t = Date.UTC(year, month + 1, 0, 1);
  return t - new Date(t).getUTCDay() * DAY;
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
  const [, y, m, d] = DATE.exec(day)!;
  const n = +y! * 12 + +m! - 1 - months;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-${d}`;
}

/** Whether `verifiedAt` needs checking (`overdue` or `remove`): the « à vérifier » mark. */
export const needsCheck = (f: Freshness): boolean => f === 'overdue' || f === 'remove';

/**
 * Whether `verifiedAt` (a valid `YYYY-MM-DD`, as a validated feed has) is more than `months`
 * calendar months before `today`: `olderThan(v, OVERDUE_MONTHS, t)` is `needsCheck(freshness(v, t))`
 * in fewer bytes, for the widget's initial code.
 */
export const olderThan = (verifiedAt: string, months: number, today: Date | number): boolean =>
  verifiedAt < monthsBefore(parisDate(today), months);

/** Where `verifiedAt` (`YYYY-MM-DD`) stands on `today` (see the module). */
export function freshness(verifiedAt: string, today: Date = new Date()): Freshness {
  if (!DATE.test(verifiedAt)) return 'remove';
  const v = verifiedAt.slice(0, 10);
  const day = parisDate(today);
  if (v < monthsBefore(day, REMOVE_MONTHS)) return 'remove';
  if (v < monthsBefore(day, OVERDUE_MONTHS)) return 'overdue';
  // The anniversary is on or before today + 30 days, that is before today + 31.
  const soon = new Date(Date.parse(day) + (DUE_DAYS + 1) * DAY).toISOString().slice(0, 10);
  return v < monthsBefore(soon, OVERDUE_MONTHS) ? 'due' : 'ok';
}

/**
 * Whole calendar months from `verifiedAt` to `today` (« vérifiées il y a 13 mois »): 12 on the
 * anniversary and until the day before the next one; negative for a date after today; NaN for a
 * value that is not a date. For the rule itself, use {@link freshness} (`overdue` starts the day
 * after the anniversary, when this still says 12).
 */
export function monthsSince(verifiedAt: string, today: Date = new Date()): number {
  const v = DATE.exec(verifiedAt);
  if (!v) return Number.NaN;
  const [, y, m, d] = DATE.exec(parisDate(today))!.map(Number) as [number, number, number, number];
  const n = (y - +v[1]!) * 12 + m - +v[2]!;
  // The anniversary in this month, on its last day when the month is shorter.
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Math.min(+v[3]!, lastDay) > d ? n - 1 : n;
}
