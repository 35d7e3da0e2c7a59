/**
 * "Now" in Europe/Paris, whatever the visitor's own time zone: an instant becomes a Paris calendar day and
 * the wall-clock minutes since Paris midnight. Only Intl does the time zone work (the browser's tz data,
 * DST included); nothing here reads the local getters of Date (getHours, getDate…).
 */
import { calendarDay, dayNumber, type CalendarDay } from './calendar.js';

/** A Paris calendar day with the day before it (for spans past midnight) and the wall-clock time. */
export interface ParisDay extends CalendarDay {
  /** The day before, in the Paris calendar. */
  readonly prev: CalendarDay;
  /**
   * Wall-clock minutes since Paris midnight at the instant it was computed from (0–1439). On the day
   * clocks go forward, 02:00–02:59 never occurs; on the day they go back, 02:00–02:59 occurs twice.
   */
  readonly minutes: number;
}

// Creating a DateTimeFormat costs far more than using one: one for the page's lifetime.
let formatter: Intl.DateTimeFormat | undefined;
// Cards and a search may ask for the same minute many times: the last answer is kept.
let lastMinute = NaN;
let last: ParisDay | undefined;

/**
 * The Paris day and time of an instant (a Date or epoch milliseconds). Compute it once per search or
 * render and hand it to {@link isOpenOn}. Throws a RangeError for an invalid date.
 */
export function parisDay(now: Date | number): ParisDay {
  const ms = typeof now === 'number' ? now : now.getTime();
  const minute = Math.floor(ms / 60000);
  if (minute === lastMinute && last) return last;
  formatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  // en-GB numeric: "29/03/2026, 03:30" (day, month, year, hour, minute).
  const [dom, month, year, hour, min] = formatter.format(ms).match(/\d+/g)!.map(Number) as [number, number, number, number, number];
  const day = calendarDay(dayNumber(year, month, dom));
  last = { ...day, prev: calendarDay(day.day - 1), minutes: (hour % 24) * 60 + min }; // some engines said 24:00
  lastMinute = minute;
  return last;
}
