/**
 * Calendar arithmetic on Paris calendar days, with no time zone (UTC arithmetic only): a day is a number of
 * days since 1970-01-01, turned into year, month, day, weekday, week-of-month and the French public holidays.
 */

/** One calendar day as the rules see it. Built by {@link calendarDay}; never mutated. */
export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Days since 1970-01-01. */
  readonly day: number;
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** Day of the month, 1–31. */
  readonly dom: number;
  /** 0 = Monday … 6 = Sunday. */
  readonly weekday: number;
  /**
   * Which occurrence of its weekday in the month it is, as bits: bit n-1 for the n-th from the start
   * (`Tu[1]`), bit 4+n for the n-th from the end (`Tu[-1]`).
   */
  readonly nth: number;
  /** A French public holiday (the 11 national ones). */
  readonly holiday: boolean;
  /** month × 32 + dom: the key of a date without its year. */
  readonly md: number;
  /** year × 512 + month × 32 + dom: the key of a date with its year. */
  readonly abs: number;
}

/** Keys from this value up carry a year (year × 512 + …); below, they are month × 32 + day. */
export const ABS = 512 * 1000;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days since 1970-01-01 of a Gregorian date (UTC arithmetic: no time zone is involved; years ≥ 100). */
export function dayNumber(year: number, month: number, dom: number): number {
  return Date.UTC(year, month - 1, dom) / 864e5;
}

/** Easter Sunday of a Gregorian year, as a day number (anonymous Gregorian algorithm, Meeus). */
export function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dom = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, dom);
}

const holidayCache = new Map<number, readonly number[]>();

/**
 * The French national public holidays of a year as day numbers, in date order: 1 January, Easter Monday,
 * 1 May, 8 May, Ascension Thursday, Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December.
 * (Good Friday and 26 December, holidays in Alsace-Moselle only, are not included.)
 */
export function frenchHolidays(year: number): readonly number[] {
  let days = holidayCache.get(year);
  if (!days) {
    const e = easter(year);
    days = [
      dayNumber(year, 1, 1), e + 1, dayNumber(year, 5, 1), dayNumber(year, 5, 8), e + 39, e + 50,
      dayNumber(year, 7, 14), dayNumber(year, 8, 15), dayNumber(year, 11, 1), dayNumber(year, 11, 11),
      dayNumber(year, 12, 25),
    ].sort((x, y) => x - y);
    holidayCache.set(year, days);
  }
  return days;
}

/** The calendar day of a day number (UTC getters of a UTC midnight: never the visitor's zone). */
export function calendarDay(day: number): CalendarDay {
  const t = new Date(day * 864e5);
  const year = t.getUTCFullYear(), month = t.getUTCMonth() + 1, dom = t.getUTCDate();
  const md = month * 32 + dom;
  return {
    date: t.toISOString().slice(0, 10),
    day,
    year,
    month,
    dom,
    weekday: (t.getUTCDay() + 6) % 7,
    nth: (1 << ((dom - 1) / 7)) | (1 << (5 + (daysInMonth(year, month) - dom) / 7)), // shift counts truncate
    holiday: frenchHolidays(year).includes(day),
    md,
    abs: year * 512 + md,
  };
}

/** The day number of a `YYYY-MM-DD` date, or NaN when it is not one. */
export function parseIsoDay(iso: string): number {
  const day = dayNumber(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));
  return !Number.isNaN(day) && calendarDay(day).date === iso ? day : NaN; // round trip: Feb 30 is not Mar 2
}
