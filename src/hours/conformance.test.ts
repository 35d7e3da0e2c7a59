/**
 * "OSM syntax is read by the well-kept opening_hours library (or a lighter one that passes the same tests)":
 * src/hours against the answers of opening_hours.js, recorded by scripts/make-hours-conformance.mjs (run by
 * hand; the library is not a dependency). For every value and every sampled Paris day, the same open
 * intervals. The values and days stay clear of the three documented differences (top of evaluate.ts).
 */
import { expect } from '@open-wc/testing';
import fixture from '../../test/fixtures/hours/opening-hours-js.json' with { type: 'json' };
import { parseOpeningHours, week, type Interval } from './index.js';

interface Case {
  readonly value: string;
  /** The days it is open; a sampled day not listed is closed. */
  readonly days: Readonly<Record<string, readonly Interval[]>>;
  /** Sampled days left out for this value (the day after a DST change, where the library's answer is an artefact). */
  readonly skip?: readonly string[];
}

const { days, cases } = fixture as unknown as { days: string[]; cases: Case[] }; // JSON infers number[][], not pairs

/** A Paris day's intervals from the public API: the week of 10:00 UTC that day (late morning in Paris), then the day. */
function intervalsOn(rules: Parameters<typeof week>[0], date: string): readonly Interval[] {
  const day = week(rules, undefined, Date.parse(`${date}T10:00:00Z`)).find((d) => d.date === date);
  if (!day) throw new Error(`${date} is not in its own week`);
  return day.open ? day.intervals : [];
}

const show = (intervals: readonly Interval[]): string =>
  intervals.length ? intervals.map(([s, e]) => `${s}-${e}`).join(',') : 'closed';

describe('hours: the same answers as opening_hours.js', () => {
  it('has the recorded sample (values and days)', () => {
    expect(cases.length).to.be.greaterThan(50);
    expect(days.length).to.be.greaterThan(50);
    for (const c of cases) {
      for (const date of [...Object.keys(c.days), ...(c.skip ?? [])]) expect(days, `${c.value}: ${date}`).to.include(date);
    }
  });

  for (const c of cases) {
    it(c.value, () => {
      const parsed = parseOpeningHours(c.value);
      if (!parsed.ok) expect.fail(`"${c.value}" is not read: ${parsed.error.message} at ${parsed.error.at}`);
      const wrong: string[] = [];
      for (const date of days) {
        if (c.skip?.includes(date)) continue;
        const expected = show(c.days[date] ?? []), got = show(intervalsOn(parsed.rules, date));
        if (got !== expected) wrong.push(`${date}: src/hours ${got}, opening_hours.js ${expected}`);
      }
      expect(wrong, `"${c.value}" differs on ${wrong.length} day(s):\n  ${wrong.join('\n  ')}\n`).to.be.empty;
    });
  }
});
