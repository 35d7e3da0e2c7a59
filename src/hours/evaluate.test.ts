import { expect } from '@open-wc/testing';
import { parseOpeningHours, type OpeningRules } from './parse.js';
import { isOpenOn, today, week, type Closure } from './evaluate.js';
import { parisDay } from './paris.js';

function rules(value: string): OpeningRules {
  const result = parseOpeningHours(value);
  if (!result.ok) throw new Error(`${value}: ${result.error.message}`);
  return result.rules;
}

/** A fixed instant from an ISO date-time with its offset (never the real clock). */
const at = (isoWithOffset: string): number => Date.parse(isoWithOffset);

const OFFICE = rules('Mo-Fr 09:00-12:30,13:30-17:00; PH off');

describe('hours: today, week and the « Ouvert aujourd’hui » filter', () => {
  it('a weekday: open, its intervals, open now or not', () => {
    const morning = today(OFFICE, undefined, at('2026-03-03T10:15:00+01:00'));
    expect(morning).to.include({ date: '2026-03-03', weekday: 1, known: true, open: true, openNow: true, minutes: 615 });
    expect(morning.intervals).to.deep.equal([[540, 750], [810, 1020]]);
    expect(morning.reason).to.equal(undefined);
    expect(today(OFFICE, undefined, at('2026-03-03T12:45:00+01:00')).openNow).to.equal(false);
    expect(today(OFFICE, undefined, at('2026-03-03T17:00:00+01:00')).openNow).to.equal(false); // end excluded
  });

  it('a Saturday: closed because no rule selects it, and the next opening day is Monday', () => {
    const saturday = today(OFFICE, undefined, at('2026-03-07T11:00:00+01:00'));
    expect(saturday).to.include({ weekday: 5, open: false, openNow: false, reason: 'no-rule', nextOpenDay: '2026-03-09' });
    expect(saturday.intervals).to.deep.equal([]);
    const saturdays = rules('Mo-Fr 09:00-17:00; Sa 09:00-12:00');
    expect(today(saturdays, undefined, at('2026-03-07T11:00:00+01:00'))).to.include({ open: true, openNow: true });
    expect(today(rules('Mo-Sa 09:00-17:00; Sa off'), undefined, at('2026-03-07T11:00:00+01:00')).reason).to.equal('off');
  });

  it('public holidays: 1 May 2026, Ascension 2026 (Thursday 14 May), Easter Monday 2027 (29 March)', () => {
    for (const instant of ['2026-05-01T10:00:00+02:00', '2026-05-14T10:00:00+02:00', '2027-03-29T10:00:00+02:00']) {
      const t = today(OFFICE, undefined, at(instant));
      expect(t, instant).to.include({ holiday: true, open: false, reason: 'holiday' });
    }
    expect(today(OFFICE, undefined, at('2026-05-14T10:00:00+02:00')).nextOpenDay).to.equal('2026-05-15');
    expect(today(OFFICE, undefined, at('2027-03-26T10:00:00+01:00')).nextOpenDay).to.equal('2027-03-30');
    // The day before Ascension is an ordinary Wednesday.
    expect(today(OFFICE, undefined, at('2026-05-13T10:00:00+02:00'))).to.include({ holiday: false, open: true });
    // Without a PH rule a holiday is an ordinary day (OSM semantics), still flagged.
    expect(today(rules('Mo-Fr 09:00-17:00'), undefined, at('2026-05-01T10:00:00+02:00'))).to.include({ holiday: true, open: true });
  });

  it('the day clocks go forward (29 March 2026, 23 hours): Su 01:00-04:00 in wall-clock time', () => {
    const sunday = rules('Su 01:00-04:00');
    const check = (instant: string, minutes: number, openNow: boolean): void => {
      const t = today(sunday, undefined, at(instant));
      expect(t, instant).to.include({ date: '2026-03-29', weekday: 6, minutes, openNow, open: true });
      expect(t.intervals, instant).to.deep.equal([[60, 240]]);
    };
    check('2026-03-28T23:30:00Z', 30, false); // 00:30 CET, still Saturday in UTC
    check('2026-03-29T00:30:00Z', 90, true); // 01:30 CET
    check('2026-03-29T00:59:00Z', 119, true); // 01:59 CET
    check('2026-03-29T01:00:00Z', 180, true); // 03:00 CEST: 02:00-02:59 never happens
    check('2026-03-29T01:59:00Z', 239, true); // 03:59 CEST
    check('2026-03-29T02:00:00Z', 240, false); // 04:00 CEST: three hours after 01:00, two of them real
    check('2026-03-29T21:59:00Z', 1439, false); // 23:59 CEST
    expect(parisDay(at('2026-03-29T22:00:00Z')).date).to.equal('2026-03-30');
  });

  it('the day clocks go back (25 October 2026, 25 hours): 02:00-02:59 happens twice, both inside', () => {
    const sunday = rules('Su 01:00-04:00');
    const check = (instant: string, minutes: number, openNow: boolean): void => {
      const t = today(sunday, undefined, at(instant));
      expect(t, instant).to.include({ date: '2026-10-25', weekday: 6, minutes, openNow });
      expect(t.intervals, instant).to.deep.equal([[60, 240]]);
    };
    check('2026-10-24T22:30:00Z', 30, false); // 00:30 CEST, still Saturday in UTC
    check('2026-10-24T23:00:00Z', 60, true); // 01:00 CEST
    check('2026-10-25T00:30:00Z', 150, true); // 02:30 CEST
    check('2026-10-25T01:30:00Z', 150, true); // 02:30 CET, the second time
    check('2026-10-25T02:59:00Z', 239, true); // 03:59 CET
    check('2026-10-25T03:00:00Z', 240, false); // 04:00 CET: three wall-clock hours, four real ones
    check('2026-10-25T22:59:00Z', 1439, false); // 23:59 CET
    expect(parisDay(at('2026-10-25T23:00:00Z')).date).to.equal('2026-10-26');
  });

  it('the Paris day whatever the browser’s zone: no local getter, Intl in Europe/Paris only', () => {
    // 00:30 in Paris on Tuesday 3 March is 23:30 UTC on Monday 2 March (and earlier still in the Americas).
    const instant = at('2026-03-02T23:30:00Z');
    const d = parisDay(instant);
    expect(d).to.include({ date: '2026-03-03', weekday: 1, minutes: 30 });
    expect(d.prev.date).to.equal('2026-03-02');
    expect(parisDay(new Date(instant)).date).to.equal('2026-03-03');
    expect(today(rules('Tu 00:00-01:00'), undefined, instant)).to.include({ open: true, openNow: true });
    expect(today(rules('Mo 09:00-17:00'), undefined, instant).open).to.equal(false);
    // 23:30 in Paris on 31 December is 22:30 UTC, same day: and New Year's Day 00:10 in Paris is 23:10 UTC the day before.
    expect(parisDay(at('2026-12-31T23:10:00Z'))).to.include({ date: '2027-01-01', holiday: true, minutes: 10 });
    // Every hour of 2026 against Intl's own answer for Europe/Paris (independent of this code's arithmetic).
    const reference = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    for (let ms = at('2026-01-01T00:17:00Z'); ms < at('2027-01-01T00:00:00Z'); ms += 3600000) {
      const parts = Object.fromEntries(reference.formatToParts(ms).map((p) => [p.type, p.value]));
      const p = parisDay(ms);
      if (p.date !== `${parts.year}-${parts.month}-${parts.day}` || p.minutes !== +parts.hour! * 60 + +parts.minute!) {
        expect.fail(`${new Date(ms).toISOString()}: ${p.date} ${p.minutes}`);
      }
    }
  });

  it('a closure starting tomorrow: open today, closed from tomorrow, next opening after it', () => {
    const closure: Closure = { from: '2026-12-22', until: '2027-01-05', note: 'Congés' };
    const monday = at('2026-12-21T10:00:00+01:00');
    expect(today(OFFICE, closure, monday)).to.include({ open: true, nextOpenDay: '2027-01-06' });
    expect(isOpenOn(OFFICE, closure, parisDay(monday))).to.equal(true);
    expect(isOpenOn(OFFICE, closure, parisDay(at('2026-12-22T10:00:00+01:00')))).to.equal(false);
    const days = week(OFFICE, closure, monday);
    expect(days.map((d) => d.reason ?? 'open')).to.deep.equal(['open', 'closure', 'closure', 'closure', 'closure', 'closure', 'closure']);
  });

  it('a closure ending today: closed until today, open tomorrow', () => {
    const closure: Closure = { from: '2026-12-22', until: '2027-01-05' };
    const t = today(OFFICE, closure, at('2027-01-05T10:00:00+01:00'));
    expect(t).to.include({ open: false, known: true, reason: 'closure', closedUntil: '2027-01-05', nextOpenDay: '2027-01-06' });
    expect(today(OFFICE, closure, at('2027-01-06T10:00:00+01:00')).open).to.equal(true);
    // Until further notice: no next opening day. A closure is known even without machine-readable hours.
    const open = { from: '2026-12-22' };
    expect(today(OFFICE, open, at('2027-06-01T10:00:00+02:00'))).to.include({ reason: 'closure', closedUntil: null, nextOpenDay: null });
    expect(today(undefined, open, at('2027-06-01T10:00:00+02:00'))).to.include({ known: true, open: false, reason: 'closure' });
    // A span past midnight does not spill out of a closed day.
    const late = rules('Mo-Su 20:00-02:00');
    expect(today(late, closure, at('2027-01-06T10:00:00+01:00')).intervals).to.deep.equal([[1200, 1440]]);
    expect(today(late, closure, at('2027-01-07T10:00:00+01:00')).intervals).to.deep.equal([[0, 120], [1200, 1440]]);
  });

  it('an offer open today only in the afternoon', () => {
    const workshop = rules('We 14:00-17:00');
    const morning = today(workshop, undefined, at('2026-03-04T10:00:00+01:00'));
    expect(morning).to.include({ open: true, openNow: false });
    expect(morning.intervals).to.deep.equal([[840, 1020]]);
    expect(today(workshop, undefined, at('2026-03-04T15:00:00+01:00')).openNow).to.equal(true);
    expect(today(workshop, undefined, at('2026-03-05T15:00:00+01:00'))).to.include({ open: false, nextOpenDay: '2026-03-11' });
  });

  it('without machine-readable hours: unknown, the free text carried along', () => {
    const t = today(undefined, undefined, at('2026-03-03T10:00:00+01:00'), { hours: 'Sur rendez-vous' });
    expect(t).to.include({ known: false, open: false, hours: 'Sur rendez-vous' });
    expect(t.nextOpenDay).to.equal(undefined);
    expect(isOpenOn(undefined, undefined, parisDay(at('2026-03-03T10:00:00+01:00')))).to.equal(false);
    expect(week(undefined, undefined, at('2026-03-03T10:00:00+01:00')).every((d) => !d.known)).to.equal(true);
  });

  it('the week from Monday, today marked, holidays flagged', () => {
    const days = week(OFFICE, undefined, at('2026-05-01T10:00:00+02:00')); // Friday 1 May
    expect(days.map((d) => d.date)).to.deep.equal([
      '2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03',
    ]);
    expect(days.map((d) => d.weekday)).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect(days.map((d) => d.today)).to.deep.equal([false, false, false, false, true, false, false]);
    expect(days[4]).to.include({ holiday: true, open: false, reason: 'holiday' });
    expect(days[0]!.intervals).to.deep.equal([[540, 750], [810, 1020]]);
    expect(days[6]).to.include({ open: false, reason: 'no-rule' });
    // Sunday: still the week that began on Monday.
    expect(week(OFFICE, undefined, at('2026-05-03T22:00:00+02:00'))[0]!.date).to.equal('2026-04-27');
  });

  it('isOpenOn agrees with today() for every day of a year, for every kind of rule', () => {
    const values = [
      'Mo-Fr 09:00-12:30,13:30-17:00; PH off', 'Tu[1,3] 14:00-17:00', 'Fr 22:00-02:00', 'Jul-Aug Mo-Fr 09:00-12:00',
      'Mo-Su 09:00-17:00; Dec 24-Jan 2 off', 'PH Mo-Fr 10:00-12:00', 'Mo-Fr 08:00-17:00; We 12:00-14:00 off; We[-1] off',
    ];
    const closure: Closure = { from: '2026-08-03', until: '2026-08-21' };
    for (const value of values) {
      const r = rules(value);
      for (let k = 0; k < 366; k++) {
        const instant = at('2026-01-01T11:00:00Z') + k * 86400000;
        if (isOpenOn(r, closure, parisDay(instant)) !== today(r, closure, instant).open) expect.fail(`${value} on day ${k}`);
      }
    }
  });
});
