/**
 * Opening hours in words, French first, for the structure card and the results list.
 * French: « 9 h », « 12 h 30 » (no-break spaces, as units in src/i18n/format.ts), « 0 h » … « minuit ».
 * English (British style): "9 am", "12:30 pm", "noon", "midnight".
 * A range is "start – end" with a no-break space before the en dash, so a line only wraps after it.
 */
import type { Lang } from '../i18n/format.js';
import { parseIsoDay, calendarDay } from './calendar.js';
import type { Closure, DaySchedule, Interval, Today } from './evaluate.js';
import { parisDay } from './paris.js';

const NB = '\u00a0';
const DASH = `${NB}– `;

const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const DAYS = {
  fr: ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const T = {
  fr: {
    openToday: 'Ouvert aujourd’hui',
    closedToday: 'Fermé aujourd’hui',
    closedHoliday: 'Fermé aujourd’hui (jour férié)',
    closedUntil: (day: string) => `Fermé jusqu’au ${day}`,
    furtherNotice: 'Fermé jusqu’à nouvel ordre',
    closed: 'Fermé',
    allDay: `24${NB}h/24`,
    holiday: 'Jour férié',
    closure: 'Fermeture exceptionnelle',
    from: (day: string) => `Fermé à partir du ${day}`,
    on: (day: string) => `Fermé le ${day}`,
    fromTo: (a: string, b: string) => `Fermé du ${a} au ${b}`,
  },
  en: {
    openToday: 'Open today',
    closedToday: 'Closed today',
    closedHoliday: 'Closed today (public holiday)',
    closedUntil: (day: string) => `Closed until ${day}`,
    furtherNotice: 'Closed until further notice',
    closed: 'Closed',
    allDay: '24 hours',
    holiday: 'Public holiday',
    closure: 'Temporarily closed',
    from: (day: string) => `Closed from ${day}`,
    on: (day: string) => `Closed on ${day}`,
    fromTo: (a: string, b: string) => `Closed from ${a} to ${b}`,
  },
};

/** A time of day: « 9 h », « 12 h 30 » / "9 am", "12:30 pm", "noon"; 1440 is « minuit » / "midnight". */
export function formatTime(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60) % 24, m = minutes % 60;
  if (lang === 'fr') {
    if (minutes === 1440) return 'minuit';
    return m ? `${h}${NB}h${NB}${m < 10 ? '0' : ''}${m}` : `${h}${NB}h`;
  }
  if (m === 0 && h === 0) return 'midnight';
  if (m === 0 && h === 12) return 'noon';
  return `${h % 12 || 12}${m ? `:${m < 10 ? '0' : ''}${m}` : ''}${NB}${h < 12 ? 'am' : 'pm'}`;
}

/** « 9 h – 12 h 30, 13 h 30 – 17 h » / "9 am – 12:30 pm, 1:30 pm – 5 pm"; the whole day: « 24 h/24 » / "24 hours". */
export function formatIntervals(intervals: readonly Interval[], lang: Lang): string {
  const only = intervals.length === 1 ? intervals[0]! : undefined;
  if (only && only[0] === 0 && only[1] === 1440) return T[lang].allDay;
  return intervals.map(([s, e]) => `${formatTime(s, lang)}${DASH}${formatTime(e, lang)}`).join(', ');
}

/**
 * A calendar day: « 5 janvier », « 1er mai » / "5 January"; with the year when it is not `currentYear`.
 * Returns the input when it is not a `YYYY-MM-DD` date.
 */
export function formatDay(iso: string, lang: Lang, currentYear?: number): string {
  const n = parseIsoDay(iso);
  if (Number.isNaN(n)) return iso;
  const d = calendarDay(n);
  const dom = lang === 'fr' && d.dom === 1 ? '1er' : String(d.dom);
  return `${dom}${NB}${MONTHS[lang][d.month - 1]}${d.year !== currentYear ? `${NB}${d.year}` : ''}`;
}

/** The weekday's name: « Lundi » / "Monday" (0 = Monday). */
export function weekdayName(weekday: number, lang: Lang): string {
  return DAYS[lang][weekday]!;
}

/**
 * One line for today: « Ouvert aujourd’hui · 9 h – 12 h 30, 13 h 30 – 17 h », « Fermé aujourd’hui »,
 * « Fermé aujourd’hui (jour férié) », « Fermé jusqu’au 5 janvier », « Fermé jusqu’à nouvel ordre ».
 * Unknown hours: the free text given to today() (empty string without one).
 */
export function todayLine(today: Today, lang: Lang): string {
  const t = T[lang];
  if (!today.known) return today.hours ?? '';
  if (today.open) return `${t.openToday} · ${formatIntervals(today.intervals, lang)}`;
  if (today.reason === 'closure') {
    return today.closedUntil ? t.closedUntil(formatDay(today.closedUntil, lang, +today.date.slice(0, 4))) : t.furtherNotice;
  }
  return today.reason === 'holiday' ? t.closedHoliday : t.closedToday;
}

export interface WeekLine {
  readonly date: string;
  /** « Lundi » / "Monday". */
  readonly day: string;
  /** « 9 h – 12 h 30, 13 h 30 – 17 h », « Fermé »; empty when the hours are unknown. */
  readonly hours: string;
  /** « Jour férié », « Fermeture exceptionnelle ». */
  readonly note?: string;
  readonly today: boolean;
}

/** The rows of the card's timetable. */
export function weekLines(week: readonly DaySchedule[], lang: Lang): WeekLine[] {
  const t = T[lang];
  return week.map((d) => {
    const note = d.reason === 'closure' ? t.closure : d.holiday ? t.holiday : undefined;
    return {
      date: d.date,
      day: weekdayName(d.weekday, lang),
      hours: !d.known ? '' : d.open ? formatIntervals(d.intervals, lang) : t.closed,
      ...(note ? { note } : {}),
      today: d.today,
    };
  });
}

/**
 * The open days of a week in one line, consecutive days with the same hours together, for a
 * printed page read later: « Lundi – Vendredi 9 h – 17 h ; Samedi 9 h – 12 h ». Days closed by a
 * holiday or a closure this week are left out (the closure is said on its own line); empty when
 * no day is known to be open.
 */
export function weekSummary(lines: readonly WeekLine[], lang: Lang): string {
  const open = lines.filter((l) => l.hours && l.hours !== T[lang].closed && !l.note);
  const parts: string[] = [];
  for (let i = 0; i < open.length; ) {
    let j = i;
    // Together only when the days follow each other in the week.
    while (j + 1 < open.length && open[j + 1]!.hours === open[i]!.hours && lines.indexOf(open[j + 1]!) === lines.indexOf(open[j]!) + 1) j++;
    parts.push(`${i === j ? open[i]!.day : `${open[i]!.day} – ${open[j]!.day}`} ${open[i]!.hours}`);
    i = j + 1;
  }
  return parts.join(' ; ');
}

/**
 * The closure in words: « Fermé du 22 décembre au 5 janvier », « Fermé du 22 au 24 décembre », « Fermé le 22 décembre »,
 * « Fermé à partir du 22 décembre » (coming, no end), « Fermé jusqu’à nouvel ordre » (begun, no end),
 * then « · » and the note. Years appear only when not the current Paris year. Empty once the closure is over.
 */
export function closureLine(closure: Closure, now: Date | number, lang: Lang): string {
  const t = T[lang];
  const today = parisDay(now);
  if (closure.until !== undefined && closure.until < today.date) return '';
  const { from, until } = closure;
  const day = (iso: string): string => formatDay(iso, lang, today.year);
  // « du 22 au 24 décembre »: the month and year once when both ends share them.
  const start = (): string => (until!.slice(0, 7) === from.slice(0, 7) ? day(from).split(NB)[0]! : day(from));
  const line = until === undefined
    ? from > today.date ? t.from(day(from)) : t.furtherNotice
    : from === until ? t.on(day(from)) : t.fromTo(start(), day(until));
  const note = closure.note?.trim();
  return note ? `${line} · ${note}` : line;
}
