import { expect } from '@open-wc/testing';
import { parseOpeningHours, type HoursErrorCode, type OpeningRules } from './parse.js';
import { today } from './evaluate.js';

function rules(value: string): OpeningRules {
  const result = parseOpeningHours(value);
  if (!result.ok) throw new Error(`${value}: ${result.error.message} at ${result.error.at}`);
  return result.rules;
}

/** A Paris day's hours as "540-750,810-1020", or "closed". 10:00 UTC is late morning in Paris all year. */
function on(value: string, date: string): string {
  const t = today(rules(value), undefined, Date.parse(`${date}T10:00:00Z`));
  return t.open ? t.intervals.map(([s, e]) => `${s}-${e}`).join(',') : 'closed';
}

describe('hours: reading opening_hours', () => {
  // March 2026: Monday 2, Tuesday 3, Wednesday 4, Thursday 5, Friday 6, Saturday 7, Sunday 8.
  it('weekdays: one, a range, a list, the weekend, a range over the weekend', () => {
    expect(on('Mo 09:00-12:00', '2026-03-02')).to.equal('540-720');
    expect(on('Mo 09:00-12:00', '2026-03-03')).to.equal('closed');
    const days = (value: string) => ['02', '03', '04', '05', '06', '07', '08'].map((d) => on(value, `2026-03-${d}`) !== 'closed');
    expect(days('Mo-Fr 09:00-17:00')).to.deep.equal([true, true, true, true, true, false, false]);
    expect(days('Mo,We,Fr 09:00-17:00')).to.deep.equal([true, false, true, false, true, false, false]);
    expect(days('Sa-Su 10:00-12:00')).to.deep.equal([false, false, false, false, false, true, true]);
    expect(days('Fr-Mo 10:00-12:00')).to.deep.equal([true, false, false, false, true, true, true]);
    expect(days('Mo-Su 10:00-12:00')).to.deep.equal([true, true, true, true, true, true, true]);
  });

  it('time spans and lists; a day without times is open all day; 24/7; off and closed', () => {
    expect(on('Mo-Fr 09:00-12:30,13:30-17:00', '2026-03-03')).to.equal('540-750,810-1020');
    expect(on('Tu 9:00-12:00', '2026-03-03')).to.equal('540-720');
    expect(on('Mo-Fr', '2026-03-03')).to.equal('0-1440');
    expect(on('24/7', '2026-03-08')).to.equal('0-1440');
    expect(on('00:00-24:00', '2026-03-08')).to.equal('0-1440');
    expect(on('Tu 24/7', '2026-03-03')).to.equal('0-1440');
    expect(on('off', '2026-03-03')).to.equal('closed');
    expect(on('Mo-Fr 09:00-17:00; Tu closed', '2026-03-03')).to.equal('closed');
    expect(on('Mo-Fr 09:00-17:00 open', '2026-03-03')).to.equal('540-1020');
  });

  it('later rules replace earlier ones for the days they select; "," adds; off with times closes those times', () => {
    expect(on('Mo-Fr 09:00-17:00; We 14:00-17:00', '2026-03-04')).to.equal('840-1020');
    expect(on('Mo-Fr 09:00-17:00; We 14:00-17:00', '2026-03-03')).to.equal('540-1020');
    expect(on('Mo-Fr 09:00-12:00, We 14:00-17:00', '2026-03-04')).to.equal('540-720,840-1020');
    expect(on('Mo-Fr 08:00-17:00; We 12:00-14:00 off', '2026-03-04')).to.equal('480-720,840-1020');
    expect(on('10:00-14:00; 12:00-14:00 off', '2026-03-08')).to.equal('600-720');
    expect(on('Mo-Fr 09:00-17:00;', '2026-03-03')).to.equal('540-1020'); // a trailing ";"
  });

  it('public holidays: alone, off, with weekdays (either), before weekdays (both)', () => {
    // Friday 1 May 2026, Sunday 1 November 2026, Wednesday 11 November 2026.
    expect(on('PH 10:00-12:00', '2026-05-01')).to.equal('600-720');
    expect(on('PH 10:00-12:00', '2026-05-04')).to.equal('closed');
    expect(on('Mo-Fr 09:00-17:00; PH off', '2026-05-01')).to.equal('closed');
    expect(on('Mo-Fr 09:00-17:00', '2026-05-01')).to.equal('540-1020'); // a holiday is special only when named
    expect(on('Mo-Fr,PH 10:00-12:00', '2026-11-01')).to.equal('600-720');
    expect(on('Mo-Fr,PH 10:00-12:00', '2026-11-02')).to.equal('600-720');
    expect(on('PH Mo-Fr 10:00-12:00', '2026-11-01')).to.equal('closed');
    expect(on('PH Mo-Fr 10:00-12:00', '2026-11-11')).to.equal('600-720');
    expect(on('PH Mo-Fr 10:00-12:00', '2026-11-12')).to.equal('closed');
  });

  it('months, month ranges (also over the new year) and month ranges with weekdays', () => {
    expect(on('Jan-Jun 10:00-12:00', '2026-06-30')).to.equal('600-720');
    expect(on('Jan-Jun 10:00-12:00', '2026-07-01')).to.equal('closed');
    expect(on('Jul-Aug Mo-Fr 09:00-12:00', '2026-07-15')).to.equal('540-720');
    expect(on('Jul-Aug Mo-Fr 09:00-12:00', '2026-07-18')).to.equal('closed');
    expect(on('Mo-Fr 09:00-17:00; Jul-Aug Mo-Fr 09:00-12:00', '2026-06-15')).to.equal('540-1020');
    expect(on('Nov-Feb 10:00-16:00', '2027-01-15')).to.equal('600-960');
    expect(on('Nov-Feb 10:00-16:00', '2026-03-01')).to.equal('closed');
    expect(on('Jan,Mar 10:00-11:00', '2026-03-01')).to.equal('600-660');
    expect(on('Apr: 08:00-12:00', '2026-04-02')).to.equal('480-720');
  });

  it('dates, date ranges, lists, a range over the new year, dates with years', () => {
    const base = 'Mo-Su 09:00-17:00; ';
    expect(on(`${base}Dec 24-26 off`, '2026-12-24')).to.equal('closed');
    expect(on(`${base}Dec 24-26 off`, '2026-12-27')).to.equal('540-1020');
    expect(on(`${base}Dec 24 off`, '2026-12-24')).to.equal('closed');
    expect(on(`${base}Dec 24,31 off`, '2026-12-31')).to.equal('closed');
    expect(on(`${base}Dec 24,31 off`, '2026-12-30')).to.equal('540-1020');
    expect(on(`${base}Jan 01,Dec 25 off`, '2027-01-01')).to.equal('closed');
    expect(on(`${base}Dec 24-Jan 2 off`, '2027-01-02')).to.equal('closed');
    expect(on(`${base}Dec 24-Jan 2 off`, '2027-01-03')).to.equal('540-1020');
    expect(on(`${base}2026 Dec 24-2027 Jan 2 off`, '2027-01-01')).to.equal('closed');
    expect(on(`${base}2026 Dec 24-2027 Jan 2 off`, '2027-12-24')).to.equal('540-1020');
    expect(on(`${base}2026 Dec 24-Jan 2 off`, '2027-01-02')).to.equal('closed');
    expect(on(`${base}2026 Dec 24-26 off`, '2027-12-25')).to.equal('540-1020');
    expect(on('Dec 24,Jan 02: 18:00-22:00', '2027-01-02')).to.equal('1080-1320');
    expect(on('2026 Mo-Fr 09:00-12:00', '2027-03-01')).to.equal('closed');
    expect(on('2026-2027 Mo 09:00-12:00', '2027-03-01')).to.equal('540-720');
  });

  it('week of the month: Tu[1,3], ranges and from the end', () => {
    // Tuesdays of March 2026: 3, 10, 17, 24, 31.
    const tuesdays = (value: string) => ['03', '10', '17', '24', '31'].map((d) => on(value, `2026-03-${d}`) !== 'closed');
    expect(tuesdays('Tu[1,3] 14:00-17:00')).to.deep.equal([true, false, true, false, false]);
    expect(tuesdays('Tu[2-4] 14:00-17:00')).to.deep.equal([false, true, true, true, false]);
    expect(tuesdays('Tu[-1] 14:00-17:00')).to.deep.equal([false, false, false, false, true]);
    expect(tuesdays('Tu[-2] 14:00-17:00')).to.deep.equal([false, false, false, true, false]);
    expect(tuesdays('Tu[1],Tu[5] 14:00-17:00')).to.deep.equal([true, false, false, false, true]);
    expect(on('Mo-Fr 09:00-17:00; We[1] off', '2026-03-04')).to.equal('closed');
  });

  it('spans past midnight continue into the next day, unless a later rule selects it', () => {
    expect(on('Fr 22:00-02:00', '2026-03-06')).to.equal('1320-1440');
    expect(on('Fr 22:00-02:00', '2026-03-07')).to.equal('0-120');
    expect(on('Fr 22:00-26:00', '2026-03-07')).to.equal('0-120');
    expect(on('22:00-02:00; Tu 12:00-14:00', '2026-03-03')).to.equal('720-840');
    expect(on('22:00-02:00; Tu 12:00-14:00', '2026-03-04')).to.equal('0-120,1320-1440');
    expect(on('Sa 12:00-12:00', '2026-03-08')).to.equal('0-720'); // 24 hours from Saturday noon
  });

  it('comments after open or off; case and spaces are free', () => {
    const r = rules('Mo-Fr 09:00-12:00 open "sur rendez-vous"');
    expect(today(r, undefined, Date.parse('2026-03-03T10:00:00Z')).comment).to.equal('sur rendez-vous');
    // Without "open" after times: open all the same (opening_hours.js would say "unknown").
    const workshop = today(rules('We 14:00-17:00 "sur inscription"'), undefined, Date.parse('2026-03-04T10:00:00Z'));
    expect(workshop).to.include({ open: true, comment: 'sur inscription' });
    expect(today(rules('Mo-Fr 09:00-17:00; Dec 24 off "Réveillon"'), undefined, Date.parse('2026-12-24T10:00:00Z')))
      .to.include({ open: false, reason: 'off', comment: 'Réveillon' });
    expect(on('  mo-fr 09:00-12:00 ;ph OFF  ', '2026-05-01')).to.equal('closed');
    expect(on('MO-FR 09:00 - 12:00', '2026-03-03')).to.equal('540-720');
  });

  it('caches by text: a repeated value is parsed once and shared', () => {
    const a = parseOpeningHours('Mo-Fr 09:00-12:00; PH off');
    expect(parseOpeningHours('Mo-Fr 09:00-12:00; PH off')).to.equal(a);
    const e = parseOpeningHours('Lu-Ve 9h-12h');
    expect(parseOpeningHours('Lu-Ve 9h-12h')).to.equal(e);
  });

  it('refuses anything else with a stable code, a short English message and the position', () => {
    const cases: [string, HoursErrorCode, number][] = [
      ['', 'empty', 0],
      ['   ', 'empty', 0],
      ['Lu-Ve 09:00-12:00', 'unknown-word', 0],
      ['Mo-Fr lundi', 'unknown-word', 6],
      ['Mo-Fr 9h-12h', 'bad-time', 6],
      ['Mo-Fr 9-12', 'bad-time', 6],
      ['Mo-Fr 09:00-12:60', 'bad-time', 12],
      ['Mo-Fr 09:0-12:00', 'bad-time', 6],
      ['Mo 25:00-26:00', 'bad-time', 3],
      ['Mo 10:00-50:00', 'bad-time', 9],
      ['Mo-Fr 09:00–12:00', 'syntax', 11],
      ['Mo-Fr 09:00-', 'syntax', 12],
      ['Mo-Fr 09:00-12:00 Sa', 'syntax', 18],
      ['Mo-Fr, 09:00-12:00', 'syntax', 5],
      ['24/7, PH off', 'syntax', 4],
      ['Mo-Fr 09:00-12:00;; Sa off', 'syntax', 18],
      ['Mo-Fr 09:00-12:00 "sur rendez-vous', 'syntax', 18],
      ['Mo-Fr "sur rendez-vous"', 'unsupported', 6],
      ['Mo-Fr 09:00-12:00 || "sur rendez-vous"', 'unsupported', 18],
      ['Mo-Fr 09:00+', 'unsupported', 11],
      ['Mo-Fr 09:00', 'unsupported', 6],
      ['sunrise-sunset', 'unsupported', 0],
      ['SH off', 'unsupported', 0],
      ['week 01-10 Mo 09:00-12:00', 'unsupported', 0],
      ['Mo-Fr 10:00-16:00/01:30', 'unsupported', 17],
      ['Mo unknown', 'unsupported', 3],
      ['Feb 30 off', 'bad-date', 4],
      ['2027 Feb 29 off', 'bad-date', 9],
      ['Dec 26-24 off', 'bad-date', 0],
      ['2027 Jan 01-2026 Dec 24 off', 'bad-date', 0],
      ['Jan 01-2027 Jan 02 off', 'bad-date', 7],
      ['2027-2026 off', 'bad-date', 0],
      ['Tu[6] 09:00-12:00', 'bad-nth', 3],
      ['Tu[0] 09:00-12:00', 'bad-nth', 3],
      ['Tu[3-1] 09:00-12:00', 'bad-nth', 3],
      ['Tu[1 09:00-12:00', 'syntax', 5],
      ['Mo,PH Sa 10:00-12:00', 'syntax', 6],
      ['0900-1200', 'bad-time', 0],
      ['Mo-Fr 0900-1200', 'bad-time', 6],
      ['2000-2100', 'syntax', 0],
      ['x'.repeat(1001), 'too-long', 1000],
    ];
    for (const [value, code, at] of cases) {
      const result = parseOpeningHours(value);
      expect(result.ok, value).to.equal(false);
      if (!result.ok) {
        expect(result.error.code, value).to.equal(code);
        expect(result.error.at, value).to.equal(at);
        expect(result.error.message, value).to.be.a('string').and.not.equal('');
      }
    }
    const err = parseOpeningHours('Lu-Ve 09:00-12:00');
    expect(!err.ok && err.error.message).to.equal('Unknown word "Lu"');
  });
});
