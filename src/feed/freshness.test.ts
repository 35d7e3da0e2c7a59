import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { freshness, monthsBefore, monthsSince, needsCheck, olderThan, OVERDUE_MONTHS, parisDate, REMOVE_MONTHS } from './freshness.js';

/** Noon in Paris on a day (UTC 10:00 or 11:00: the same day whatever the season). */
const on = (day: string) => new Date(`${day}T10:30:00Z`);

describe('feed: freshness rule', () => {
  it('sorts records verified before 2 December 2026 into ok, due, overdue, remove', () => {
    const today = on('2026-12-02');
    const cases: [string, string][] = [
      ['2026-11-30', 'ok'],
      ['2026-01-02', 'ok'], // anniversary in 31 days
      ['2026-01-01', 'due'], // in 30 days
      ['2025-12-03', 'due'],
      ['2025-12-02', 'due'], // the anniversary itself: 12 months, not more
      ['2025-12-01', 'overdue'], // the day after
      ['2025-10-02', 'overdue'], // 14 months exactly
      ['2025-10-01', 'remove'], // more than 14
      ['2020-01-15', 'remove'],
      ['2027-03-01', 'ok'], // after today: not older than anything
      ['hier', 'remove'], // not a date: nothing says it was checked
      ['', 'remove'],
    ];
    for (const [verifiedAt, expected] of cases) expect(freshness(verifiedAt, today), verifiedAt).to.equal(expected);
  });

  it('counts calendar months, whatever the length of the year', () => {
    expect(freshness('2025-03-12', on('2026-03-12'))).to.equal('due');
    expect(freshness('2025-03-11', on('2026-03-12'))).to.equal('overdue');
    expect(freshness('2026-01-01', on('2026-03-12'))).to.equal('ok');
    // 2024 is a leap year: twelve months are 366 days there, not 365.
    expect(freshness('2024-03-01', on('2025-03-01'))).to.equal('due');
    expect(freshness('2024-03-01', on('2025-03-02'))).to.equal('overdue');
  });

  it('29 February: the anniversary is 28 February, the grace ends on the 29th two months on', () => {
    expect(freshness('2024-02-29', on('2025-02-28'))).to.equal('due');
    expect(freshness('2024-02-29', on('2025-03-01'))).to.equal('overdue');
    expect(freshness('2024-02-29', on('2025-04-29'))).to.equal('overdue');
    expect(freshness('2024-02-29', on('2025-04-30'))).to.equal('remove');
  });

  it('end of month: a shorter month ends the count on its last day', () => {
    // 14 months after 31 December 2024: 28 February 2026.
    expect(freshness('2024-12-31', on('2026-02-28'))).to.equal('overdue');
    expect(freshness('2024-12-31', on('2026-03-01'))).to.equal('remove');
    expect(freshness('2024-12-29', on('2026-02-28'))).to.equal('overdue');
    expect(freshness('2024-12-27', on('2026-02-28'))).to.equal('remove');
    // 12 months after 31 August 2025 is 31 August 2026; 14 months, 31 October.
    expect(freshness('2025-08-31', on('2026-10-31'))).to.equal('overdue');
    expect(freshness('2025-08-31', on('2026-11-01'))).to.equal('remove');
    // Due 30 days ahead across the end of February: 31 March is 31 days after 28 February.
    expect(freshness('2025-03-31', on('2026-02-28'))).to.equal('ok');
    expect(freshness('2025-03-31', on('2026-03-01'))).to.equal('due');
    expect(freshness('2025-04-30', on('2026-04-30'))).to.equal('due');
    expect(freshness('2025-04-30', on('2026-05-01'))).to.equal('overdue');
  });

  it('takes the day in Paris, not in UTC nor the visitor\'s zone', async () => {
    // 23:30 UTC on 1 December is 00:30 on 2 December in Paris: the day after the anniversary.
    expect(freshness('2025-12-01', new Date('2026-12-01T23:30:00Z'))).to.equal('overdue');
    expect(freshness('2025-12-01', new Date('2026-12-01T22:30:00Z'))).to.equal('due');
    // Summer time: 22:30 UTC on 30 June is already 1 July in Paris.
    expect(freshness('2025-06-30', new Date('2026-06-30T22:30:00Z'))).to.equal('overdue');
    expect(freshness('2025-06-30', new Date('2026-06-30T21:30:00Z'))).to.equal('due');
    try {
      await executeServerCommand('emulate-timezone', { timezone: 'Pacific/Noumea' });
      expect(freshness('2025-12-01', new Date('2026-12-01T22:30:00Z'))).to.equal('due');
    } finally {
      await executeServerCommand('emulate-timezone', { timezone: undefined });
    }
  });

  it('gives the Paris date of any instant, as Intl does, across clock changes', () => {
    const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
    // Every half hour around midnight Paris on every day of 2025-2027 (clock changes included).
    for (let t = Date.UTC(2025, 0, 1, 20); t < Date.UTC(2028, 0, 1); t += 864e5) {
      for (const step of [0, 1, 2, 3, 4, 5, 6, 7]) {
        const at = t + step * 18e5;
        expect(parisDate(at), new Date(at).toISOString()).to.equal(paris.format(at));
      }
    }
    expect(parisDate(new Date('2026-12-02'))).to.equal('2026-12-02'); // a date alone: UTC midnight
  });

  it('a date N months before, compared as text', () => {
    expect(monthsBefore('2026-12-02', 14)).to.equal('2025-10-02');
    expect(monthsBefore('2026-01-15', 1)).to.equal('2025-12-15');
    expect(monthsBefore('2026-04-30', 14)).to.equal('2025-02-30'); // after any day of February
  });

  it('whole months since a verification, for messages', () => {
    expect(monthsSince('2025-03-12', on('2026-03-12'))).to.equal(12);
    expect(monthsSince('2025-03-12', on('2026-03-11'))).to.equal(11);
    expect(monthsSince('2025-03-12', on('2026-05-20'))).to.equal(14);
    expect(monthsSince('2024-02-29', on('2025-02-28'))).to.equal(12);
    expect(monthsSince('2024-01-31', on('2024-02-29'))).to.equal(1);
    expect(monthsSince('2024-01-31', on('2024-02-28'))).to.equal(0);
    expect(monthsSince('2027-01-10', on('2026-12-02'))).to.be.below(0);
    expect(monthsSince('hier', on('2026-12-02'))).to.be.NaN;
  });

  it('« à vérifier » is for overdue and to-remove records only', () => {
    expect((['ok', 'due', 'overdue', 'remove'] as const).filter(needsCheck)).to.deep.equal(['overdue', 'remove']);
  });

  it('olderThan is the same rule as freshness, day by day', () => {
    const today = on('2026-03-01');
    for (let t = Date.UTC(2024, 10, 1); t < Date.UTC(2025, 6, 1); t += 864e5) {
      const v = new Date(t).toISOString().slice(0, 10);
      const f = freshness(v, today);
      expect(olderThan(v, OVERDUE_MONTHS, today), v).to.equal(needsCheck(f));
      expect(olderThan(v, REMOVE_MONTHS, +today), v).to.equal(f === 'remove');
    }
  });
});
