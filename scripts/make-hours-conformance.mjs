#!/usr/bin/env node
/**
 * Writes test/fixtures/hours/opening-hours-js.json: what the reference library opening_hours.js says about
 * a set of `opening_hours` values on a set of Paris days, so that src/hours/conformance.test.ts can hold our
 * own reader (src/hours) to the same answers ("or a lighter one that passes the same tests").
 *
 * A developer tool, run by hand when the values or the days below change; NEVER at build or test time, and
 * the library is NOT a dependency of this project. It loads opening_hours (npm, checked with v3.15.0,
 * https://github.com/opening-hours/opening_hours.js, licence LGPL-3.0-only) from a directory given as the
 * first argument or by OPENING_HOURS_DIR, default /tmp/ohcmp/node_modules/opening_hours:
 *
 *     mkdir -p /tmp/ohcmp && npm --prefix /tmp/ohcmp install opening_hours@3.15.0
 *     node scripts/make-hours-conformance.mjs [path/to/node_modules/opening_hours]
 *
 * Only the library's outputs (open intervals, numbers) are stored here, as test data; none of its code.
 *
 * How: the process runs in Europe/Paris (TZ is set below and checked), so Date local time is Paris time.
 * The library is built with a Nominatim-like location in Paris (country_code fr), so `PH` means the French
 * public holidays (checked below against the eleven national ones of 2026 and 2027). For each value and
 * each day, `getOpenIntervals(midnight, next midnight)` gives the open intervals of that Paris day, turned
 * into [start, end] minutes since Paris midnight (0–1440), clipped to the day, touching ones merged (the
 * library splits open time where the comment changes; src/hours merges).
 *
 * Kept out, on purpose (the three differences documented at the top of src/hours/evaluate.ts):
 * - no value has a rule without any selector after rules with selectors (`Mo-Fr 09:00-17:00; 10:00-12:00`);
 * - no day is a DST change day (29 Mar 2026, 25 Oct 2026, 28 Mar 2027, 31 Oct 2027: the script refuses
 *   them). The day after one (Easter Monday 29 Mar 2027, after the spring change) is kept, except for a value
 *   whose answer there changes when the library is asked from two days before instead of from that day's
 *   midnight: asked alone, that Monday, it says `Sa 20:00-03:00` is open 00:00-01:00 (Saturday's span seen
 *   through the 23-hour Sunday: an artefact); asked from the Saturday, it says the span ends on Sunday at
 *   03:00 and Monday is closed, as src/hours does. Such a day goes in the case's `skip` list (printed);
 * - no value has times followed by a comment without `open`/`off` (the library says "unknown" there: the
 *   script refuses any unknown interval).
 * Every value is also one that src/hours reads (the test fails on any it cannot read).
 * The library's warnings (advice: "no time selector", "overwrites parts of the previous rule", "24/7 used
 * with exceptions") are printed, not refused: the overwriting they point at is what some cases test.
 *
 * Output: { about, days: [every sampled day], cases: [{ value, days: { "YYYY-MM-DD": [[start, end], …] },
 * skip?: [days] }] } where a case lists only the days it is open: a sampled day missing from a case (and
 * from its skip list) is closed all day.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.TZ = 'Europe/Paris'; // before any Date is made
if (new Date(2026, 0, 15).getTimezoneOffset() !== -60 || new Date(2026, 6, 15).getTimezoneOffset() !== -120) {
  throw new Error('Local time is not Europe/Paris: run with TZ=Europe/Paris');
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const libDir = resolve(process.argv[2] ?? process.env.OPENING_HOURS_DIR ?? '/tmp/ohcmp/node_modules/opening_hours');
const { version, license } = JSON.parse(readFileSync(join(libDir, 'package.json'), 'utf8'));
const OpeningHours = createRequire(import.meta.url)(libDir);
const out = resolve(root, 'test/fixtures/hours/opening-hours-js.json');

/** Paris, for French public holidays. */
const PARIS = { lat: 48.8566, lon: 2.3522, address: { country_code: 'fr', state: 'Île-de-France' } };

/** Values a French DSRC would write, within what src/hours reads and outside the documented differences. */
const VALUES = [
  // Weekdays, split days, Saturday mornings.
  'Mo-Fr 09:00-17:00',
  'Mo-Fr 09:00-12:30,13:30-17:00',
  'Mo,We,Fr 09:00-12:00',
  'Tu,Th 14:00-18:00',
  'Mo-Fr 08:30-18:00; Sa 09:00-12:00',
  'Sa-Su 10:00-18:00',
  'Fr-Mo 10:00-16:00',
  'Mo 09:00-12:00; Tu 13:00-17:00; We 09:00-12:00; Th 13:00-17:00; Fr 09:00-12:00',
  'Mo-Fr',
  // Later rules replace days; "," adds; off with times.
  'Mo-Fr 09:00-17:00; We 14:00-17:00',
  'Mo-Fr 09:00-12:00, Tu,Th 14:00-18:00',
  'Mo-Fr 08:00-17:00; We 12:00-14:00 off',
  'Mo-Fr 09:00-17:00; Mo-Fr 12:00-13:30 off',
  // Public holidays.
  'Mo-Fr 09:00-17:00; PH off',
  'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off',
  'Mo-Fr 09:00-17:00; Sa 09:00-12:00; Su,PH off',
  'Mo-Sa 10:00-18:00; PH 10:00-12:00',
  'PH 10:00-12:00',
  'Mo-Fr,PH 10:00-12:00',
  'PH Mo-Fr 10:00-12:00',
  'Mo-Fr 09:00-17:00; PH,Sa 10:00-12:00',
  'Mo-Fr 08:00-20:00; Sa,Su 10:00-18:00; PH 10:00-13:00',
  // Dates and months.
  'Mo-Fr 09:00-17:00; Dec 24-26 off',
  'Mo-Fr 09:00-17:00; Dec 24 09:00-12:00; Dec 25 off',
  'Mo-Fr 09:00-17:00; Dec 24,31 09:00-12:00; PH off',
  'Mo-Fr 09:00-17:00; Dec 24-Jan 01 off',
  'Mo-Fr 09:00-17:00; Jan 01,May 01 off',
  'Jan-Jun: Mo-Fr 09:00-17:00; Jul-Dec: Mo-Fr 10:00-16:00',
  'Sep-Jun Mo-Fr 09:00-17:00; Jul-Aug Mo-Fr 09:00-12:00',
  'Nov-Feb Mo-Fr 09:00-17:00',
  'Mo-Fr 09:00-17:00; Jan-Jun We off',
  // Weeks of the month.
  'Tu[2] 14:00-17:00',
  'We[-1] 14:00-16:00',
  'Th[1,3] 18:00-20:00',
  'Sa[1] 09:00-12:00',
  'Mo-Fr 09:00-17:00; We[-1] off',
  'We 14:00-17:00; We[-1] off',
  'Mo-Fr 09:00-17:00; Tu[2] off; We[-1] 14:00-17:00',
  // Past midnight.
  'Fr 22:00-02:00',
  'Mo-Fr 09:00-17:00; Fr 22:00-02:00',
  'Fr 22:00-02:00; Sa 10:00-12:00',
  'Sa 20:00-03:00',
  'Fr 22:00-02:00; PH off',
  'Th 22:00-02:00',
  'Mo-Th 17:00-01:00',
  'Mo-Su 20:00-02:00; Su off',
  'Mo-Fr 19:00-08:00; Sa,Su,PH 00:00-24:00',
  // Always.
  '24/7',
  '24/7; PH off',
  '24/7; Dec 25 off',
  // Years.
  '2026 Mo-Fr 09:00-17:00',
  '2026-2027 Mo-Fr 09:00-17:00',
  'Mo-Fr 09:00-17:00; 2027 Mo-Fr 10:00-16:00',
  'Mo-Fr 09:00-17:00; 2026 Dec 24-2027 Jan 02 off',
  'Mo-Fr 09:00-17:00; 2027 Jul 01-2027 Aug 31 off',
  // Comments after open / off.
  'Mo-Fr 09:00-17:00 open "sur rendez-vous"',
  'Mo-Fr 09:00-17:00; We off "fermé le mercredi"',
  'Mo-Fr 09:00-12:00, Mo-Fr 14:00-17:00 open "sur rendez-vous"',
  'Tu,Th 14:00-17:00 open "sur rendez-vous"; PH off',
  'Mo-Fr 09:00-17:00 open; Sa 09:00-12:00 open "sur rendez-vous"; PH off',
  'Mo-Fr 09:00-17:00; Aug off "fermeture estivale"',
];

const pad = (n) => String(n).padStart(2, '0');
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localDay = (date) => new Date(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
const nextDay = (date) => { const d = localDay(date); d.setDate(d.getDate() + 1); return d; };
const week = (monday) => Array.from({ length: 7 }, (_, k) => { const d = localDay(monday); d.setDate(d.getDate() + k); return iso(d); });

/** French national public holidays, 2026 and 2027 (Easter 5 April 2026, 28 March 2027). */
const HOLIDAYS = [
  '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25',
  '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
  '2027-01-01', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-08', '2027-05-17',
  '2027-07-14', '2027-08-15', '2027-11-01', '2027-11-11', '2027-12-25',
];

const DAYS = [...new Set([
  // Three whole weeks: an ordinary one (Monday 2 to Sunday 8 March 2026), one over a month boundary (the last
  // Tuesday and Wednesday of September, 5th ones; the 1st Thursday and Saturday of October), Christmas.
  ...week('2026-03-02'), ...week('2026-09-28'), ...week('2026-12-21'),
  ...HOLIDAYS,
  // The day before a holiday, for spans past midnight into it (Sunday, Thursday, Friday, new year's eve).
  '2026-04-05', '2026-04-30', '2026-08-14', '2026-12-31',
  // Weekdays on either side of month ranges (Nov-Feb, Jan-Jun/Jul-Dec, Jul-Aug, Aug, Dec 24-Jan 01, years).
  '2026-02-27', '2026-07-01', '2026-08-31', '2027-07-01', '2027-08-31', '2027-09-01',
  '2027-12-24',
  // 2nd Tuesday, 3rd Thursday; a 4th Wednesday that is the last, one that is not.
  '2026-10-13', '2026-10-15', '2026-01-28', '2026-09-23',
])].sort();

for (const date of DAYS) {
  if (nextDay(date) - localDay(date) !== 864e5) throw new Error(`${date} is a DST change day: keep it out`);
}
/** Sampled days that follow a DST change day. */
const AFTER_DST = DAYS.filter((date) => {
  const prev = localDay(date);
  prev.setDate(prev.getDate() - 1);
  return localDay(date) - prev !== 864e5;
});

// `PH` must mean the French public holidays.
{
  const ph = new OpeningHours('PH', PARIS);
  const found = ph.getOpenIntervals(localDay('2026-01-01'), localDay('2028-01-01')).map(([from]) => iso(from));
  if (found.join() !== HOLIDAYS.join()) throw new Error(`Not the French public holidays: ${found.join(' ')}`);
}

/** The open intervals of a Paris day as minutes since midnight, merged; asked from `since` (default: its midnight). */
function openIntervals(oh, value, date, since = localDay(date)) {
  const from = localDay(date), to = nextDay(date);
  const res = [];
  for (const [start, end, unknown] of oh.getOpenIntervals(since, to)) {
    if (unknown) throw new Error(`${value}: "unknown" on ${date}, outside what src/hours reads alike`);
    const s = Math.max(0, (start - from) / 60000), e = Math.min(1440, (end - from) / 60000);
    if (e <= s) continue;
    const last = res[res.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else res.push([s, e]);
  }
  return res;
}

const cases = VALUES.map((value) => {
  const oh = new OpeningHours(value, PARIS);
  const warnings = oh.getWarnings();
  for (const w of warnings) console.warn(`warning: ${w.replace(/ <--- \((.{0,70}).*/s, ' ← $1…')}`);
  const days = {}, skip = [];
  for (const date of DAYS) {
    const intervals = openIntervals(oh, value, date);
    // The day after a DST change, asked alone, the library can see a span past midnight where there is none.
    if (AFTER_DST.includes(date)) {
      const prev = localDay(date);
      prev.setDate(prev.getDate() - 2);
      if (JSON.stringify(openIntervals(oh, value, date, prev)) !== JSON.stringify(intervals)) {
        console.warn(`skipped: ${value} on ${date}, the day after a DST change`);
        skip.push(date);
        continue;
      }
    }
    if (intervals.length) days[date] = intervals;
  }
  return skip.length ? { value, days, skip } : { value, days };
});
if (new Set(VALUES).size !== VALUES.length) throw new Error('A value is listed twice');

const about = `Open intervals (minutes since Paris midnight) computed by opening_hours.js ${version} (${license}), `
  + 'Paris location, by scripts/make-hours-conformance.mjs; a sampled day missing from a case is closed, '
  + 'unless in its skip list.';
const text = `{"about":${JSON.stringify(about)},\n"days":${JSON.stringify(DAYS)},\n"cases":[\n`
  + cases.map((c) => JSON.stringify(c)).join(',\n') + '\n]}\n';
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(`${cases.length} values × ${DAYS.length} days → ${out.slice(root.length + 1)} (${Buffer.byteLength(text)} bytes)`);
