/**
 * What the rules say about a Paris day: its intervals, whether it is open, why it is closed. OSM semantics:
 * rules apply in order; a rule that selects a day replaces what earlier rules said about it (an additional
 * rule, after `,`, adds to it); `off` with times closes only those times, without times the whole day; a span
 * past midnight continues into the next day unless a later rule selects that day. Checked day by day over
 * 2026-2027 against opening_hours.js on values of the supported subset: the same answers except
 * (1) a rule with no selector at all after rules with selectors (`Jul 04:30-17:30; 15:30-17:30`) replaces
 * the day here, as the OSM specification says, where opening_hours.js 3.15 adds to it;
 * (2) on DST change days times are wall-clock times (`22:00-02:00` ends at 02:00 on the clock);
 * (3) times followed by a comment without open/off (`We 14:00-17:00 "sur inscription"`) are open here,
 * "unknown" (maybe open) there.
 * Intervals are wall-clock minutes since Paris midnight: on 29 March `Su 01:00-04:00` is [60, 240] and lasts
 * two real hours, on 25 October four.
 */
import { ABS, calendarDay, type CalendarDay } from './calendar.js';
import { parisDay, type ParisDay } from './paris.js';
import type { OpeningRules, Rule } from './parse.js';

/** A temporary closure (feed revision 1.1): closed from `from` to `until` inclusive, or until further notice. */
export interface Closure {
  /** `YYYY-MM-DD`, first closed day. */
  readonly from: string;
  /** `YYYY-MM-DD`, last closed day; absent: until further notice. */
  readonly until?: string;
  readonly note?: string;
}

/** [start, end] in wall-clock minutes since Paris midnight (0–1440), start < end. */
export type Interval = readonly [start: number, end: number];

/**
 * Why a day is closed: `closure` (the structure's closure), `holiday` (a rule naming PH closed this public
 * holiday), `off` (another rule closed it: `Su off`, `Dec 24-26 off`), `no-rule` (no rule selects the day).
 */
export type ClosedReason = 'closure' | 'holiday' | 'off' | 'no-rule';

export interface Today {
  /** Paris date, `YYYY-MM-DD`. */
  readonly date: string;
  /** 0 = Monday … 6 = Sunday. */
  readonly weekday: number;
  /** A French public holiday. */
  readonly holiday: boolean;
  /** Machine-readable hours (or a closure in force) decide; false: show {@link hours}, the free text. */
  readonly known: boolean;
  /** Open at some time today. */
  readonly open: boolean;
  /** Today's opening times, sorted and merged (spans from yesterday past midnight included). */
  readonly intervals: readonly Interval[];
  /** Why closed today (known and not open). */
  readonly reason?: ClosedReason;
  /** Closed by the closure: its last day (`YYYY-MM-DD`), or null until further notice. */
  readonly closedUntil?: string | null;
  /** Wall-clock minutes since Paris midnight at `now`. */
  readonly minutes: number;
  /** Open at `now`. */
  readonly openNow: boolean;
  /** The first day after today with opening times (closure respected, a year ahead at most); null: none; absent: unknown. */
  readonly nextOpenDay?: string | null;
  /** The comment (`"sur rendez-vous"`) of the rule that decided today. */
  readonly comment?: string;
  /** The free-text hours given in the options. */
  readonly hours?: string;
}

export interface DaySchedule {
  readonly date: string;
  /** 0 = Monday … 6 = Sunday. */
  readonly weekday: number;
  readonly holiday: boolean;
  /** The day of `now`. */
  readonly today: boolean;
  /** False when there are no machine-readable hours and no closure that day. */
  readonly known: boolean;
  readonly open: boolean;
  readonly intervals: readonly Interval[];
  readonly reason?: ClosedReason;
  readonly comment?: string;
}

// The day being evaluated, as flat [start, end, …] pairs; reused by every call (no allocation in isOpenOn).
// Pairs emptied by `off` become [x, x] and are skipped by readers.
const buf: number[] = [];
let n = 0;
/** Index of the last rule that selected the evaluated day itself (not through a span past midnight), or -1. */
let decider = -1;

function push(start: number, end: number): void {
  buf[n++] = start;
  buf[n++] = end;
}

function subtract(a: number, b: number): void {
  const count = n;
  for (let k = 0; k < count; k += 2) {
    const x = buf[k]!, y = buf[k + 1]!;
    if (y <= a || x >= b) continue;
    if (x < a) {
      buf[k + 1] = a;
      if (b < y) push(b, y);
    } else if (b < y) {
      buf[k] = b;
    } else {
      buf[k + 1] = x;
    }
  }
}

function matches(r: Rule, d: CalendarDay): boolean {
  const years = r.years;
  if (years !== null && (d.year < years[0]! || d.year > years[1]!)) return false;
  const dates = r.dates;
  if (dates !== null) {
    let hit = false;
    for (let k = 0; k < dates.length; k += 2) {
      const from = dates[k]!, to = dates[k + 1]!;
      const key = from >= ABS ? d.abs : d.md;
      if (from <= to ? key >= from && key <= to : key >= from || key <= to) {
        hit = true;
        break;
      }
    }
    if (!hit) return false;
  }
  const days = r.days;
  switch (r.ph) {
    case 0: return days === null || (days[d.weekday]! & d.nth) !== 0;
    case 1: return d.holiday || (days !== null && (days[d.weekday]! & d.nth) !== 0);
    default: return d.holiday && (days![d.weekday]! & d.nth) !== 0;
  }
}

/** Evaluates one day into `buf`; true when some interval is left. */
function evaluate(rules: OpeningRules, d: CalendarDay, prev: CalendarDay, prevClosed: boolean): boolean {
  n = 0;
  decider = -1;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    const own = matches(rule, d);
    const spill = rule.spill && !prevClosed && matches(rule, prev);
    if (!own && !spill) continue;
    if (own) decider = r;
    const times = rule.times;
    // A rule that selects the day replaces it, unless additional; `off` without times closes all of it.
    if (own && (rule.off ? times === null : !rule.add)) n = 0;
    const apply = rule.off ? subtract : push;
    if (times === null) {
      if (own && !rule.off) push(0, 1440);
      continue;
    }
    for (let k = 0; k < times.length; k += 2) {
      const s = times[k]!, e = times[k + 1]!;
      if (own) apply(s, e < 1440 ? e : 1440);
      if (spill && e > 1440) apply(0, e - 1440);
    }
  }
  for (let k = 0; k < n; k += 2) if (buf[k + 1]! > buf[k]!) return true;
  return false;
}

/** `buf` as sorted, merged intervals. */
function intervals(): Interval[] {
  const pairs: [number, number][] = [];
  for (let k = 0; k < n; k += 2) if (buf[k + 1]! > buf[k]!) pairs.push([buf[k]!, buf[k + 1]!]);
  pairs.sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  for (const p of pairs) {
    const last = out[out.length - 1];
    if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
    else out.push(p);
  }
  return out;
}

/** Whether the closure covers a `YYYY-MM-DD` day (ISO dates compare as strings). */
export function closedOn(closure: Closure | undefined, date: string): boolean {
  return closure !== undefined && date >= closure.from && (closure.until === undefined || date <= closure.until);
}

/**
 * Open at some time on a Paris day: the « Ouvert aujourd’hui » filter. `day` comes from {@link parisDay},
 * computed once per search. No Intl, no allocation. Without rules: false (not known to be open).
 */
export function isOpenOn(rules: OpeningRules | undefined, closure: Closure | undefined, day: ParisDay): boolean {
  if (rules === undefined) return false;
  if (closure !== undefined && closedOn(closure, day.date)) return false;
  return evaluate(rules, day, day.prev, closure !== undefined && closedOn(closure, day.prev.date));
}

/** The first day after `from` (a day number) with opening times, a year ahead at most. */
function nextOpenDay(rules: OpeningRules, closure: Closure | undefined, from: number): string | null {
  let prev = calendarDay(from);
  let prevClosed = closedOn(closure, prev.date);
  for (let day = from + 1; day <= from + 366; day++) {
    const d = calendarDay(day);
    const closed = closedOn(closure, d.date);
    if (!closed && evaluate(rules, d, prev, prevClosed)) return d.date;
    if (closed && closure!.until === undefined) return null;
    prev = d;
    prevClosed = closed;
  }
  return null;
}

export interface TodayOptions {
  /** The structure's free-text hours, carried into the answer for when the rules are unknown. */
  readonly hours?: string;
}

/** What one day is: known, open, its intervals, why closed, the deciding rule's comment. */
function answer(rules: OpeningRules | undefined, closure: Closure | undefined, d: CalendarDay, prev: CalendarDay) {
  if (closedOn(closure, d.date)) return { known: true, open: false, intervals: [], reason: 'closure' as ClosedReason, comment: undefined };
  if (!rules) return { known: false, open: false, intervals: [], reason: undefined, comment: undefined };
  const open = evaluate(rules, d, prev, closedOn(closure, prev.date));
  return {
    known: true, open, intervals: intervals(),
    reason: open ? undefined : decider < 0 ? 'no-rule' : d.holiday && rules[decider]!.ph ? 'holiday' : 'off' as ClosedReason,
    comment: decider < 0 ? undefined : rules[decider]!.comment,
  };
}

/** Today in Paris for a structure or an offer: open or not, when, why not, and the next day it opens. */
export function today(
  rules: OpeningRules | undefined,
  closure: Closure | undefined,
  now: Date | number,
  options: TodayOptions = {},
): Today {
  const d = parisDay(now);
  const a = answer(rules, closure, d, d.prev);
  return {
    date: d.date, weekday: d.weekday, holiday: d.holiday, minutes: d.minutes, hours: options.hours, ...a,
    closedUntil: a.reason === 'closure' ? closure!.until ?? null : undefined,
    openNow: a.intervals.some(([s, e]) => d.minutes >= s && d.minutes < e),
    nextOpenDay: rules && nextOpenDay(rules, closure, d.day),
  };
}

/**
 * The week of `now` for the card's table: seven days from Monday (the table reads like a printed
 * timetable; `today` marks the current day).
 */
export function week(rules: OpeningRules | undefined, closure: Closure | undefined, now: Date | number): DaySchedule[] {
  const d = parisDay(now);
  const out: DaySchedule[] = [];
  for (let k = 0, monday = d.day - d.weekday; k < 7; k++) {
    const day = calendarDay(monday + k);
    out.push({
      date: day.date, weekday: k, holiday: day.holiday, today: k === d.weekday,
      ...answer(rules, closure, day, calendarDay(monday + k - 1)),
    });
  }
  return out;
}
