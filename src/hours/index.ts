/**
 * Opening hours (feed revision 1.1: `openingHours` on structures and offers, `closure` on structures), a lazy
 * chunk: the widget loads it with `import('../hours/index.js')` when it shows hours or filters on
 * « Ouvert aujourd’hui ». Pure functions, Europe/Paris time whatever the visitor's zone. Imports nothing from
 * src/components or src/base.
 *
 *     const parsed = parseOpeningHours(structure.openingHours);          // cached by text
 *     const rules = parsed.ok ? parsed.rules : undefined;                // not ok: show `hours`
 *     todayLine(today(rules, structure.closure, Date.now(), { hours: structure.hours }), lang);
 *     weekLines(week(rules, structure.closure, Date.now()), lang);       // Monday to Sunday
 *     const day = parisDay(Date.now());                                  // once per search
 *     results.filter((s) => isOpenOn(rulesOf(s), s.closure, day));       // ≈50 ns per structure
 */
export { parseOpeningHours, MAX_LENGTH } from './parse.js';
export { hoursProblem } from './problem.js';
export type { HoursError, HoursErrorCode, OpeningRules, ParseResult, Rule } from './parse.js';
export { today, week, isOpenOn, closedOn } from './evaluate.js';
export type { Closure, ClosedReason, DaySchedule, Interval, Today, TodayOptions } from './evaluate.js';
export { parisDay } from './paris.js';
export type { ParisDay } from './paris.js';
export { frenchHolidays, easter } from './calendar.js';
export type { CalendarDay } from './calendar.js';
export { todayLine, weekLines, weekSummary, closureLine, formatTime, formatIntervals, formatDay, weekdayName } from './format.js';
export type { WeekLine } from './format.js';
export { resultHours, openTodayRows, unreadableReport } from './directory.js';
export type { HoursLine, Rows } from './directory.js';
