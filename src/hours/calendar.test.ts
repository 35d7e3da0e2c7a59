import { expect } from '@open-wc/testing';
import { calendarDay, dayNumber, easter, frenchHolidays, parseIsoDay } from './calendar.js';

const iso = (day: number): string => calendarDay(day).date;

describe('hours: calendar', () => {
  it('computes Easter Sunday for any Gregorian year', () => {
    const known: [number, string][] = [
      [1818, '1818-03-22'], [2000, '2000-04-23'], [2024, '2024-03-31'], [2025, '2025-04-20'],
      [2026, '2026-04-05'], [2027, '2027-03-28'], [2038, '2038-04-25'], [2285, '2285-03-22'],
    ];
    for (const [year, date] of known) expect(iso(easter(year)), String(year)).to.equal(date);
  });

  it('lists the eleven French public holidays of a year, in date order', () => {
    expect(frenchHolidays(2026).map(iso)).to.deep.equal([
      '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25',
      '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
    ]);
    // 2027: Easter Monday 29 March, Ascension 6 May, Whit Monday 17 May.
    expect(frenchHolidays(2027).map(iso)).to.include.members(['2027-03-29', '2027-05-06', '2027-05-17']);
    // 2038 (late Easter): Ascension 3 June, after 8 May.
    expect(frenchHolidays(2038).map(iso).slice(2, 6)).to.deep.equal(['2038-05-01', '2038-05-08', '2038-06-03', '2038-06-14']);
  });

  it('knows a calendar day: Monday = 0, week of the month from the start and from the end, holiday', () => {
    const sunday = calendarDay(dayNumber(2026, 3, 29));
    expect(sunday).to.include({ date: '2026-03-29', year: 2026, month: 3, dom: 29, weekday: 6, holiday: false });
    expect(sunday.nth).to.equal((1 << 4) | (1 << 5)); // 5th Sunday of March 2026, and the last
    const mayDay = calendarDay(dayNumber(2026, 5, 1));
    expect(mayDay).to.include({ weekday: 4, holiday: true });
    expect(mayDay.nth).to.equal(1 | (1 << 9)); // 1st Friday, and 5th from the end
    expect(calendarDay(dayNumber(2026, 3, 2)).weekday).to.equal(0);
    expect(calendarDay(dayNumber(1969, 12, 31)).date).to.equal('1969-12-31');
  });

  it('reads YYYY-MM-DD dates and nothing else', () => {
    expect(parseIsoDay('2026-05-01')).to.equal(dayNumber(2026, 5, 1));
    expect(parseIsoDay('2028-02-29')).to.equal(dayNumber(2028, 2, 29));
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-5-1', '01/05/2026', '', 'x']) {
      expect(parseIsoDay(bad), bad).to.be.NaN;
    }
  });
});
