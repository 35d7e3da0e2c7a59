/**
 * Opening hours of a directory's records, for the store and the results list: today's line of a
 * result, the rows open today, the values nobody can read. Here, in the hours chunk, so that a page
 * whose feed has no hours carries none of it.
 */
import type { FeedStructure, Offer } from '../feed/schema.js';
import type { Lang } from '../i18n/format.js';
import { isOpenOn, today } from './evaluate.js';
import { todayLine } from './format.js';
import { parisDay } from './paris.js';
import { parseOpeningHours, type OpeningRules } from './parse.js';
import { hoursProblem } from './problem.js';

function rulesOf(text: string | undefined): OpeningRules | undefined {
  if (text === undefined) return undefined;
  const r = parseOpeningHours(text);
  return r.ok ? r.rules : undefined;
}

export interface HoursLine {
  /** « Ouvert aujourd’hui · 9 h – 12 h 30 », « Fermé jusqu’au 5 janvier », or the free text. */
  line: string;
  /** Machine-readable and open today / closed today, or free text. */
  state: 'open' | 'closed' | 'text';
  /** The line is this offer's own hours (a workshop's), not the structure's. */
  offer?: Offer;
}

/**
 * A result's line for today in Paris: `offer`'s own hours when it has readable ones (the offer a
 * search picked out), else the structure's; the structure's free text when neither is readable.
 */
export function resultHours(s: FeedStructure, offer: Offer | undefined, now: number, lang: Lang): HoursLine | undefined {
  const own = rulesOf(offer?.openingHours);
  const t = today(own ?? rulesOf(s.openingHours), s.closure, now, { hours: s.hours });
  const line = todayLine(t, lang);
  if (!line) return undefined;
  return { line, state: t.known ? (t.open ? 'open' : 'closed') : 'text', ...(own ? { offer } : {}) };
}

/** A search index's rows: structure s owns rows [rowStart[s], rowStart[s + 1]), one offer each. */
export interface Rows {
  readonly structures: readonly FeedStructure[];
  readonly rowStart: Uint32Array;
  readonly offers: readonly Offer[];
  readonly rowCount: number;
}

const openRows = new WeakMap<Rows, { date: string; rows: Uint8Array }>();

/**
 * Per search row (an offer), 1 when it opens today in Paris: its own hours, else its structure's,
 * closure applied. Kept per index until the Paris date changes.
 */
export function openTodayRows(index: Rows, now: number): Uint8Array {
  const day = parisDay(now);
  const cached = openRows.get(index);
  if (cached?.date === day.date) return cached.rows;
  const { structures, rowStart, offers } = index;
  const rows = new Uint8Array(index.rowCount);
  for (let s = 0; s < structures.length; s++) {
    const st = structures[s]!;
    const own = rulesOf(st.openingHours);
    for (let r = rowStart[s]!; r < rowStart[s + 1]!; r++) {
      const text = offers[r]!.openingHours;
      rows[r] = isOpenOn(text === undefined ? own : rulesOf(text), st.closure, day) ? 1 : 0;
    }
  }
  openRows.set(index, { date: day.date, rows });
  return rows;
}

/**
 * For the integrator's console: the values that cannot be read (shown as text instead), by
 * structure and offer id, in French; undefined when all read. The CLI gives their paths.
 */
export function unreadableReport(structures: readonly FeedStructure[]): string | undefined {
  const found = new Map<string, string>();
  const check = (text: string | undefined, where: string) => {
    if (text === undefined || found.has(text)) return;
    const why = hoursProblem(text);
    if (why) found.set(text, `${where}.openingHours : horaires illisibles "${text}" : ${why}`);
  };
  for (const s of structures) {
    check(s.openingHours, `structure « ${s.id} »`);
    for (const o of s.offers) check(o.openingHours, `structure « ${s.id} », offre « ${o.id} »`);
  }
  if (!found.size) return undefined;
  return `[sos-annuaire] ${found.size} valeur(s) openingHours illisible(s), montrée(s) comme texte (détail : sos-feed validate). ${[...found.values()].slice(0, 5).join(' ; ')}`;
}
