import { expect } from '@open-wc/testing';
import { parseOpeningHours, type OpeningRules } from './parse.js';
import { today, week, type Closure } from './evaluate.js';
import { closureLine, formatDay, formatIntervals, formatTime, todayLine, weekLines, weekSummary } from './format.js';

function rules(value: string): OpeningRules {
  const result = parseOpeningHours(value);
  if (!result.ok) throw new Error(result.error.message);
  return result.rules;
}

const at = (isoWithOffset: string): number => Date.parse(isoWithOffset);
/** "_" stands for the no-break space the lines use between a number and its unit and before a dash. */
const nb = (s: string): string => s.replace(/_/g, '\u00a0');

const OFFICE = rules('Mo-Fr 09:00-12:30,13:30-17:00; PH off');
const TUESDAY = at('2026-03-03T10:00:00+01:00');

describe('hours: in words', () => {
  it('times in French (9 h, 12 h 30) and British English (9 am, 12:30 pm, noon)', () => {
    expect([540, 750, 810, 1020, 0, 1440, 5].map((m) => formatTime(m, 'fr'))).to.deep.equal(
      ['9_h', '12_h_30', '13_h_30', '17_h', '0_h', 'minuit', '0_h_05'].map(nb),
    );
    expect([540, 750, 810, 1020, 0, 1440, 720, 725].map((m) => formatTime(m, 'en'))).to.deep.equal(
      ['9_am', '12:30_pm', '1:30_pm', '5_pm', 'midnight', 'midnight', 'noon', '12:05_pm'].map(nb),
    );
    expect(formatIntervals([[0, 1440]], 'fr')).to.equal(nb('24_h/24'));
    expect(formatIntervals([[0, 1440]], 'en')).to.equal('24 hours');
    expect(formatIntervals([[1320, 1440]], 'fr')).to.equal(nb('22_h_– minuit'));
  });

  it('today’s line: open with its hours', () => {
    const t = today(OFFICE, undefined, TUESDAY);
    expect(todayLine(t, 'fr')).to.equal(nb('Ouvert aujourd’hui · 9_h_– 12_h_30, 13_h_30_– 17_h'));
    expect(todayLine(t, 'en')).to.equal(nb('Open today · 9_am_– 12:30_pm, 1:30_pm_– 5_pm'));
  });

  it('today’s line: closed, closed for a public holiday, closed by a closure (until a date, until further notice)', () => {
    const saturday = today(OFFICE, undefined, at('2026-03-07T10:00:00+01:00'));
    expect(todayLine(saturday, 'fr')).to.equal('Fermé aujourd’hui');
    expect(todayLine(saturday, 'en')).to.equal('Closed today');
    const mayDay = today(OFFICE, undefined, at('2026-05-01T10:00:00+02:00'));
    expect(todayLine(mayDay, 'fr')).to.equal('Fermé aujourd’hui (jour férié)');
    expect(todayLine(mayDay, 'en')).to.equal('Closed today (public holiday)');
    const holidays: Closure = { from: '2026-12-22', until: '2027-01-05' };
    const inClosure = today(OFFICE, holidays, at('2026-12-28T10:00:00+01:00'));
    expect(todayLine(inClosure, 'fr')).to.equal(nb('Fermé jusqu’au 5_janvier_2027'));
    expect(todayLine(inClosure, 'en')).to.equal(nb('Closed until 5_January_2027'));
    expect(todayLine(today(OFFICE, holidays, at('2027-01-04T10:00:00+01:00')), 'fr')).to.equal(nb('Fermé jusqu’au 5_janvier'));
    const works = today(OFFICE, { from: '2026-03-01' }, TUESDAY);
    expect(todayLine(works, 'fr')).to.equal('Fermé jusqu’à nouvel ordre');
    expect(todayLine(works, 'en')).to.equal('Closed until further notice');
  });

  it('today’s line without machine-readable hours: the free text, or nothing', () => {
    expect(todayLine(today(undefined, undefined, TUESDAY, { hours: 'Lundi au vendredi, 9 h-17 h' }), 'fr')).to.equal('Lundi au vendredi, 9 h-17 h');
    expect(todayLine(today(undefined, undefined, TUESDAY), 'en')).to.equal('');
  });

  it('the week’s rows: day, hours or « Fermé », holiday and closure notes, today marked', () => {
    const lines = weekLines(week(OFFICE, { from: '2026-05-07', until: '2026-05-07' }, at('2026-05-05T10:00:00+02:00')), 'fr');
    expect(lines.map((l) => l.day)).to.deep.equal(['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']);
    expect(lines[0]).to.deep.equal({ date: '2026-05-04', day: 'Lundi', hours: nb('9_h_– 12_h_30, 13_h_30_– 17_h'), today: false });
    expect(lines[1]!.today).to.equal(true);
    expect(lines[3]).to.include({ hours: 'Fermé', note: 'Fermeture exceptionnelle' });
    expect(lines[4]).to.include({ hours: 'Fermé', note: 'Jour férié' }); // 8 May
    expect(lines[6]).to.deep.equal({ date: '2026-05-10', day: 'Dimanche', hours: 'Fermé', today: false });
    const en = weekLines(week(OFFICE, undefined, at('2026-05-05T10:00:00+02:00')), 'en');
    expect(en.map((l) => l.day)).to.deep.equal(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(en[4]).to.include({ hours: 'Closed', note: 'Public holiday' });
    expect(weekLines(week(undefined, undefined, TUESDAY), 'fr')[0]!.hours).to.equal('');
  });

  it('the week in one line for a printed page: following days with the same hours together, closed days and holidays left out', () => {
    const may = at('2026-05-05T10:00:00+02:00'); // a week with a holiday on Friday 8 May
    expect(weekSummary(weekLines(week(rules('Mo-Fr 09:00-17:00; Sa 09:00-12:00'), undefined, TUESDAY), 'fr'), 'fr')).to.equal(nb('Lundi – Vendredi 9_h_– 17_h ; Samedi 9_h_– 12_h'));
    expect(weekSummary(weekLines(week(rules('Mo,We 09:00-12:00'), undefined, TUESDAY), 'fr'), 'fr')).to.equal(nb('Lundi 9_h_– 12_h ; Mercredi 9_h_– 12_h'));
    expect(weekSummary(weekLines(week(OFFICE, undefined, may), 'fr'), 'fr')).to.equal(nb('Lundi – Jeudi 9_h_– 12_h_30, 13_h_30_– 17_h'));
    expect(weekSummary(weekLines(week(rules('Mo-Fr 09:00-17:00'), undefined, TUESDAY), 'en'), 'en')).to.match(/^Monday – Friday 9/);
    expect(weekSummary(weekLines(week(undefined, undefined, TUESDAY), 'fr'), 'fr')).to.equal('');
  });

  it('the closure in words, with the year only when it is not this year, and its note', () => {
    const now = at('2026-12-01T10:00:00+01:00');
    expect(closureLine({ from: '2026-12-22', until: '2027-01-05', note: 'Congés de fin d’année' }, now, 'fr'))
      .to.equal(nb('Fermé du 22_décembre au 5_janvier_2027 · Congés de fin d’année'));
    expect(closureLine({ from: '2026-12-22', until: '2027-01-05' }, now, 'en')).to.equal(nb('Closed from 22_December to 5_January_2027'));
    expect(closureLine({ from: '2026-12-22', until: '2026-12-24' }, now, 'fr')).to.equal(nb('Fermé du 22 au 24_décembre'));
    expect(closureLine({ from: '2027-02-01', until: '2027-02-14' }, now, 'fr')).to.equal(nb('Fermé du 1er au 14_février_2027'));
    expect(closureLine({ from: '2026-12-22', until: '2026-12-24' }, now, 'en')).to.equal(nb('Closed from 22 to 24_December'));
    expect(closureLine({ from: '2026-12-22' }, now, 'fr')).to.equal(nb('Fermé à partir du 22_décembre'));
    expect(closureLine({ from: '2026-12-22' }, now, 'en')).to.equal(nb('Closed from 22_December'));
    expect(closureLine({ from: '2026-11-02', note: ' ' }, now, 'fr')).to.equal('Fermé jusqu’à nouvel ordre');
    expect(closureLine({ from: '2026-12-24', until: '2026-12-24' }, now, 'fr')).to.equal(nb('Fermé le 24_décembre'));
    expect(closureLine({ from: '2026-12-24', until: '2026-12-24' }, now, 'en')).to.equal(nb('Closed on 24_December'));
    expect(closureLine({ from: '2026-11-01', until: '2026-11-30' }, now, 'fr')).to.equal(''); // over
  });

  it('dates: « 1er » for the first of the month in French, the year when asked', () => {
    expect(formatDay('2026-05-01', 'fr', 2026)).to.equal(nb('1er_mai'));
    expect(formatDay('2026-05-01', 'en', 2026)).to.equal(nb('1_May'));
    expect(formatDay('2027-08-15', 'fr', 2026)).to.equal(nb('15_août_2027'));
    expect(formatDay('not a date', 'fr')).to.equal('not a date');
  });
});
