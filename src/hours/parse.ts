/**
 * A reader for the part of OpenStreetMap's `opening_hours` syntax that DSRC staff write for health and
 * social services. Anything outside it is an error with a stable code and a position, so that readers
 * show the free-text `hours` instead and the validator can say where the value goes wrong.
 *
 * Grammar (case-insensitive words, free whitespace; `,` between rules makes an additional rule):
 *
 *     value     = rule *( ( ";" / "," ) rule ) [";"]
 *     rule      = "24/7" [modifier] [comment]
 *               / [years] [dates] [":"] [weekdays] [":"] [times] [modifier] [comment] ; not empty
 *                 ; a comment needs times or a modifier; after times alone it reads as open
 *     years     = YYYY ["-" YYYY]                        ; when no month follows
 *     dates     = date *( "," ( date / day ["-" day] ) )  ; "Dec 24,26": a day alone stays in the last month
 *     date      = [YYYY] Mon [ day [ "-" ( day / [YYYY] Mon day ) ] / "-" [YYYY] Mon ]
 *     weekdays  = group [group]                          ; two groups: "PH Mo-Fr" = a holiday on Mo-Fr
 *     group     = item *( "," item )
 *     item      = "PH" / Wd ["-" Wd] / Wd "[" nth *( "," nth ) "]"      ; nth = [-]1..5 ["-" 1..5]
 *     times     = span *( "," span ) / "24/7"
 *     span      = H:MM "-" H:MM                          ; an end at or before the start runs past midnight
 *     modifier  = "open" / "off" / "closed"
 *     comment   = DQUOTE *char DQUOTE
 */
import { daysInMonth } from './calendar.js';

/** Why a value cannot be read. Stable: the validator translates them. */
export type HoursErrorCode =
  /** Nothing but spaces. */
  | 'empty'
  /** Longer than {@link MAX_LENGTH} characters. */
  | 'too-long'
  /** A character or word where the syntax does not allow it. */
  | 'syntax'
  /** A word that is neither a weekday, a month nor a keyword (`Lu`, `lundi`…). */
  | 'unknown-word'
  /** Valid OSM, but beyond what this reader supports (`SH`, `sunrise`, `week`, `||`, open ends…). */
  | 'unsupported'
  /** A time that is not H:MM or HH:MM, or out of range. */
  | 'bad-time'
  /** A day that does not exist (`Feb 30`) or a year range backwards. */
  | 'bad-date'
  /** A week-of-month number outside 1–5 or -1–-5. */
  | 'bad-nth';

export interface HoursError {
  readonly code: HoursErrorCode;
  /** Short English message, for logs and developers. */
  readonly message: string;
  /** 0-based index in the value where the problem starts. */
  readonly at: number;
}

/**
 * One rule, compiled for fast evaluation. Treat it as opaque outside `src/hours` (its shape may change);
 * every rule has every field, so the evaluator's property reads stay monomorphic.
 */
export interface Rule {
  /** An additional rule (after `,`): adds to the day instead of replacing it. */
  readonly add: boolean;
  /** `off`/`closed`: with times, closes those times; without, closes the whole day. */
  readonly off: boolean;
  /** Inclusive [from, to] years, or null for every year. */
  readonly years: readonly number[] | null;
  /**
   * Inclusive date ranges as flat [from, to, …] keys (month × 32 + day, or year × 512 + month × 32 + day:
   * ABS in calendar.ts tells them apart); from > to wraps over the new year. Null: every date.
   */
  readonly dates: readonly number[] | null;
  /** Per weekday (Monday first), the occurrences selected (bits as CalendarDay.nth); null: no weekday. */
  readonly days: readonly number[] | null;
  /** Public holidays: 0 not named, 1 also on holidays (`Mo-Fr,PH`; `PH` alone), 2 holidays on these days only. */
  readonly ph: 0 | 1 | 2;
  /** Flat [start, end, …] minutes from the day's midnight; end up to 2880 (past midnight). Null: all day. */
  readonly times: readonly number[] | null;
  /** Some span ends after midnight. */
  readonly spill: boolean;
  readonly comment: string | undefined;
}

/** The rules of one value, in order. */
export type OpeningRules = readonly Rule[];

export type ParseResult =
  | { readonly ok: true; readonly rules: OpeningRules }
  | { readonly ok: false; readonly error: HoursError };

/** Longer values are refused (a feed is untrusted input; real values are under 200 characters). */
export const MAX_LENGTH = 1000;

const WEEKDAYS = 'mo tu we th fr sa su'.split(' ');
const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
/** Every occurrence of a weekday in a month (the five "from the start" bits). */
const ALL = 0x1f;

const TIMES = 'Times are HH:MM, from 00:00 to 48:00';
const BACKWARDS = 'Range goes backwards';
const NTH = 'Week of the month: 1 to 5, or -1 to -5 from the end';
const KEYWORDS = ['ph', 'open', 'off', 'closed', '24/7'];
/** Valid OSM beyond this reader: school holidays, variable times and dates, week numbers, fallback rules (||), open ends (+), periods (/). */
const UNSUPPORTED = /^(sh|sunrise|sunset|dawn|dusk|week|easter|unknown|[|+/])$/;

// Token kinds.
const WORD = 0, NUM = 1, TIME = 2, STR = 3, PUNCT = 4, END = 5;

interface Token {
  readonly k: number;
  /** Lower-cased word, digits, punctuation character or comment text. */
  readonly v: string;
  /** The word as written, for messages. */
  readonly raw: string;
  /** The number, or the minutes of a time. */
  readonly n: number;
  readonly at: number;
}

class Failure extends Error {
  constructor(readonly code: HoursErrorCode, message: string, readonly at: number) {
    super(message);
  }
}

function fail(code: HoursErrorCode, message: string, at: number): never {
  throw new Failure(code, message, at);
}

// One token: a time, 24/7, a number, a word, a "comment" (group 7: its closing quote), any other character.
const TOKEN = /\s*(?:(\d+):(\d+)|(24\/7)|(\d+)|(\p{L}+)|"([^"]*)("?)|(\S))/uy;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m; (m = TOKEN.exec(text));) {
    const raw = m[0].trimStart(), at = TOKEN.lastIndex - raw.length;
    const [, h, min, always, num, word, comment, closing] = m;
    if (h !== undefined) {
      const n = +h * 60 + +min!;
      if (h.length > 2 || min!.length !== 2 || +min! > 59 || n > 2880) fail('bad-time', TIMES, at);
      out.push({ k: TIME, v: raw, raw, n, at });
    } else if (comment !== undefined) {
      if (!closing) fail('syntax', 'Comment without its closing "', at);
      out.push({ k: STR, v: comment, raw, n: 0, at });
    } else {
      const v = (always ?? num ?? word ?? raw).toLowerCase();
      out.push({ k: num ? NUM : always || word ? WORD : PUNCT, v, raw, n: num ? +num : 0, at });
    }
  }
  out.push({ k: END, v: '', raw: '', n: 0, at: text.length });
  return out;
}

function read(toks: readonly Token[]): Rule[] {
  let i = 0;
  /** The last rule ended with selectors only (no times, no open/off), or was 24/7. */
  let bare = false;

  const tok = (ahead = 0): Token => toks[Math.min(i + ahead, toks.length - 1)]!;
  const is = (t: Token, ch: string): boolean => t.k === PUNCT && t.v === ch;
  const eat = (ch: string): boolean => is(tok(), ch) && ++i > 0;
  const monthOf = (t: Token): number => (t.k === WORD ? MONTHS.indexOf(t.v) + 1 : 0);
  const weekdayOf = (t: Token): number => (t.k === WORD ? WEEKDAYS.indexOf(t.v) : -1);
  const isWord = (t: Token, w: string): boolean => t.k === WORD && t.v === w;
  // Years 1900-2199: "0900-1200" is a time without its colons, not a year range.
  const isYear = (t: Token): boolean => t.k === NUM && t.n >= 1900 && t.n < 2200 && t.v.length === 4;
  const isDayNum = (t: Token): boolean => t.k === NUM && t.v.length <= 2;
  const isDaySel = (t: Token): boolean => weekdayOf(t) >= 0 || isWord(t, 'ph');
  const startsDate = (ahead: number): boolean => monthOf(tok(ahead)) > 0 || (isYear(tok(ahead)) && monthOf(tok(ahead + 1)) > 0);

  /** Fails on a token that cannot come here (the validator adds French hints from the code and the text at `at`). */
  function unexpected(t: Token, expected = ''): never {
    if (t.k === END) fail('syntax', `Unexpected end${expected && `: expected ${expected}`}`, t.at);
    if (t.k !== STR && UNSUPPORTED.test(t.v)) fail('unsupported', `"${t.raw}" is not supported`, t.at);
    // "9h", "9-12": hours without minutes.
    if (isWord(t, 'h') || (t.k === NUM && (is(tok(1), '-') || isWord(tok(1), 'h')))) fail('bad-time', TIMES, t.at);
    if (t.k === WORD && weekdayOf(t) < 0 && !monthOf(t) && !KEYWORDS.includes(t.v)) {
      fail('unknown-word', `Unknown word "${t.raw}"`, t.at);
    }
    fail('syntax', `Unexpected "${t.k === STR ? '"' : t.raw}"${expected && `: expected ${expected}`}`, t.at);
  }

  function years(): number[] {
    const from = tok();
    i++;
    let to = from;
    if (eat('-')) {
      to = tok();
      if (!isYear(to)) unexpected(to, 'a year');
      i++;
    }
    if (to.n < from.n) fail('bad-date', BACKWARDS, from.at);
    return [from.n, to.n];
  }

  /** A day of the month (year 0: any year, so Feb 29 exists). */
  function dayNum(month: number, year: number): number {
    const t = tok();
    if (!isDayNum(t)) unexpected(t, 'a day of the month');
    if (t.n < 1 || t.n > daysInMonth(year || 2000, month)) {
      fail('bad-date', `No such day: ${t.v}`, t.at);
    }
    i++;
    return t.n;
  }

  function dates(): number[] {
    const out: number[] = [];
    // Month and year of the last date with a day: "Dec 24,26" goes on in December.
    let month = 0, year = 0;
    do {
      const at = tok().at;
      if (month && isDayNum(tok())) {
        const d1 = dayNum(month, year);
        const d2 = eat('-') ? dayNum(month, year) : d1;
        if (d2 < d1) fail('bad-date', BACKWARDS, at);
        out.push(key(year, month, d1), key(year, month, d2));
        continue;
      }
      let y1 = 0;
      if (isYear(tok())) y1 = toks[i++]!.n;
      const m1 = monthOf(tok());
      if (!m1) unexpected(tok(), 'a month');
      i++;
      let y2 = y1, m2 = m1, d1 = 0, d2 = 0;
      if (isDayNum(tok())) d1 = d2 = dayNum(m1, y1);
      if (eat('-')) {
        if (d1 && isDayNum(tok())) {
          d2 = dayNum(m1, y1);
          if (d2 < d1) fail('bad-date', BACKWARDS, at);
        } else {
          const endYear = isYear(tok());
          if (endYear) {
            if (!y1) fail('bad-date', 'Year missing at the start', tok().at);
            y2 = toks[i++]!.n;
          }
          m2 = monthOf(tok());
          if (!m2) unexpected(tok(), 'a month');
          i++;
          // "2026 Dec 24-Jan 2", "2026 Nov-Feb": the end is in the next year.
          if (y1 && !endYear && (m2 < m1 || (m2 === m1 && d1 && tok().n < d1))) y2++;
          if (d1) d2 = dayNum(m2, y2);
        }
      }
      const from = key(y1, m1, d1 || 1), to = key(y2, m2, d2 || 31);
      if (y1 && to < from) fail('bad-date', BACKWARDS, at);
      out.push(from, to);
      month = d1 ? m2 : 0;
      year = y2;
    } while (is(tok(), ',') && (startsDate(1) || (month > 0 && isDayNum(tok(1)))) && ++i);
    return out;
  }

  /** `1,3]`, `-1]`, `2-4]` after `[`: occurrence bits. */
  function nthList(): number {
    let bits = 0;
    do {
      const neg = eat('-');
      const t = tok();
      if (t.k !== NUM) unexpected(t, NTH);
      i++;
      const last = !neg && eat('-') ? tok() : t;
      if (last !== t) {
        if (last.k !== NUM) unexpected(last, NTH);
        i++;
      }
      if (t.n < 1 || last.n > 5 || last.n < t.n) fail('bad-nth', NTH, t.at);
      for (let n = t.n; n <= last.n; n++) bits |= 1 << (neg ? 4 + n : n - 1);
    } while (eat(','));
    if (!eat(']')) unexpected(tok(), '"]"');
    return bits;
  }

  function dayGroup(): { days: number[] | null; ph: boolean } {
    let days: number[] | null = null;
    let ph = false;
    do {
      const t = tok();
      i++;
      if (isWord(t, 'ph')) {
        ph = true;
        continue;
      }
      const w1 = weekdayOf(t);
      if (w1 < 0) unexpected(t, 'a weekday or PH');
      days ??= [0, 0, 0, 0, 0, 0, 0];
      if (eat('[')) {
        days[w1] = days[w1]! | nthList();
      } else if (eat('-')) {
        const w2 = weekdayOf(tok());
        if (w2 < 0) unexpected(tok(), 'a weekday');
        i++;
        for (let w = w1; ; w = (w + 1) % 7) { // Fr-Mo wraps over the weekend
          days[w] = ALL;
          if (w === w2) break;
        }
      } else {
        days[w1] = ALL;
      }
    } while (is(tok(), ',') && isDaySel(tok(1)) && ++i);
    return { days, ph };
  }

  function times(): number[] {
    const out: number[] = [];
    do {
      const s = tok();
      if (s.n >= 1440) fail('bad-time', TIMES, s.at);
      i++;
      if (!eat('-')) {
        const t = tok();
        if (t.k === END || is(t, ';') || is(t, ',')) fail('unsupported', 'Times without an end are not supported', s.at);
        unexpected(t, '"-"');
      }
      const e = tok();
      if (e.k !== TIME) unexpected(e, 'an end time');
      i++;
      // An end at or before the start is past midnight: 22:00-02:00; 00:00-00:00 is 24 hours.
      const end = e.n <= s.n ? e.n + 1440 : e.n;
      if (end > 2880) fail('bad-time', TIMES, e.at);
      out.push(s.n, end);
    } while (is(tok(), ',') && tok(1).k === TIME && ++i);
    if (is(tok(), '/') || is(tok(), '+')) unexpected(tok());
    return out;
  }

  function rule(add: boolean): Rule {
    const start = tok();
    let yearRange: number[] | null = null;
    let dateRanges: number[] | null = null;
    let days: number[] | null = null;
    let ph: 0 | 1 | 2 = 0;
    let spans: number[] | null = null;
    let comment: string | undefined;

    if (isYear(tok()) && !startsDate(0)) yearRange = years();
    if (startsDate(0)) dateRanges = dates();
    if (yearRange || dateRanges) eat(':');
    if (isDaySel(tok())) {
      const first = dayGroup();
      if (isDaySel(tok())) {
        // "PH Mo-Fr" / "Mo-Fr PH": a public holiday falling on those days.
        const at = tok().at;
        const second = dayGroup();
        const weekdays = first.ph && !first.days ? second : second.ph && !second.days ? first : null;
        if (!weekdays || weekdays.ph || !weekdays.days) fail('syntax', 'Write "Mo-Fr,PH" (either) or "PH Mo-Fr" (both)', at);
        days = weekdays.days;
        ph = 2;
      } else {
        days = first.days;
        ph = first.ph ? 1 : 0;
      }
      eat(':');
    }
    const always = isWord(tok(), '24/7');
    if (tok().k === TIME) spans = times();
    else if (always) {
      i++;
      spans = [0, 1440];
    }
    const mod = tok();
    const modifier = isWord(mod, 'open') || isWord(mod, 'off') || isWord(mod, 'closed');
    if (modifier) i++;
    const commentAt = tok().at;
    if (tok().k === STR) comment = toks[i++]!.v;
    if (tok() === start) unexpected(start, 'a rule');
    // "2000-2100" alone is more likely 20:00-21:00 than two centuries.
    if (yearRange && !dateRanges && !days && !spans && !modifier) fail('syntax', `A year alone: ${TIMES}`, start.at);
    // After times, « "sur inscription" » states a condition: open, with the comment (opening_hours.js says
    // "unknown", maybe open). Alone, it would say nothing about when: refused.
    if (comment !== undefined && !modifier && !spans) {
      fail('unsupported', 'A comment without times means "unknown": not supported (add times, open or off)', commentAt);
    }
    bare = always || (!spans && !modifier); // no "," after these (opening_hours.js agrees)
    let spill = false;
    for (let k = 1; spans && k < spans.length; k += 2) if (spans[k]! > 1440) spill = true;
    return {
      add, off: modifier && mod.v !== 'open', years: yearRange, dates: dateRanges, days, ph, times: spans, spill, comment,
    };
  }

  const rules: Rule[] = [];
  for (let add = false; ;) {
    rules.push(rule(add));
    const t = tok();
    if (!is(t, ';') && !is(t, ',') && t.k !== END) unexpected(t, '";" between rules');
    i++;
    if (t.k === END || (is(t, ';') && tok().k === END)) return rules;
    // "Mo-Fr, 09:00-12:00": a stray comma, not an additional rule (opening_hours.js refuses it too).
    if (is(t, ',') && bare) fail('syntax', 'Stray "," (use ";" between rules)', t.at);
    add = is(t, ',');
  }
}

/** A date key: with a year (ABS and up, see calendar.ts) when `year` is not 0. */
function key(year: number, month: number, dom: number): number {
  return (year ? year * 512 : 0) + month * 32 + dom;
}

// A national feed repeats the same few values thousands of times: one parse each.
const cache = new Map<string, ParseResult>();
const CACHE_LIMIT = 5000;

/** Reads an `opening_hours` value. Results are cached by text (and shared: do not mutate them). */
export function parseOpeningHours(text: string): ParseResult {
  let result = cache.get(text);
  if (result) return result;
  result = parseUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

function parseUncached(text: string): ParseResult {
  if (!text.trim()) return { ok: false, error: { code: 'empty', message: 'Empty value', at: 0 } };
  if (text.length > MAX_LENGTH) {
    return { ok: false, error: { code: 'too-long', message: `Longer than ${MAX_LENGTH} characters`, at: MAX_LENGTH } };
  }
  try {
    return { ok: true, rules: read(tokenize(text)) };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: { code: e.code, message: e.message, at: e.at } };
    throw e;
  }
}

