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
 * The Paris day and the month arithmetic are in feed/months-old.ts (re-exported here), which
 * the widget's initial code imports alone.
 */

import { DAY_MS, ISO_DAY, monthsBefore, OVERDUE_MONTHS, parisDate, REMOVE_MONTHS } from './months-old.js';

export { monthsBefore, olderThan, OVERDUE_MONTHS, parisDate, REMOVE_MONTHS } from './months-old.js';

export type Freshness = 'ok' | 'due' | 'overdue' | 'remove';

/** The reminder is due this many days before the 12-month anniversary. */
export const DUE_DAYS = 30;

/** Whether `verifiedAt` needs checking (`overdue` or `remove`): the « à vérifier » mark. */
export const needsCheck = (f: Freshness): boolean => f === 'overdue' || f === 'remove';

/** Where `verifiedAt` (`YYYY-MM-DD`) stands on `today` (see the module). */
export function freshness(verifiedAt: string, today: Date = new Date()): Freshness {
  if (!ISO_DAY.test(verifiedAt)) return 'remove';
  const v = verifiedAt.slice(0, 10);
  const day = parisDate(today);
  if (v < monthsBefore(day, REMOVE_MONTHS)) return 'remove';
  if (v < monthsBefore(day, OVERDUE_MONTHS)) return 'overdue';
  // The anniversary is on or before today + 30 days, that is before today + 31.
  const soon = new Date(Date.parse(day) + (DUE_DAYS + 1) * DAY_MS).toISOString().slice(0, 10);
  return v < monthsBefore(soon, OVERDUE_MONTHS) ? 'due' : 'ok';
}

/**
 * Whole calendar months from `verifiedAt` to `today` (« vérifiées il y a 13 mois »): 12 on the
 * anniversary and until the day before the next one; negative for a date after today; NaN for a
 * value that is not a date. For the rule itself, use {@link freshness} (`overdue` starts the day
 * after the anniversary, when this still says 12).
 */
export function monthsSince(verifiedAt: string, today: Date = new Date()): number {
  const v = ISO_DAY.exec(verifiedAt);
  if (!v) return Number.NaN;
  const [, y, m, d] = ISO_DAY.exec(parisDate(today))!.map(Number) as [number, number, number, number];
  const n = (y - +v[1]!) * 12 + m - +v[2]!;
  // The anniversary in this month, on its last day when the month is shorter.
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Math.min(+v[3]!, lastDay) > d ? n - 1 : n;
}
