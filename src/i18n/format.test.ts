import { expect } from '@open-wc/testing';
import { formatCount, formatDate, formatKm, plural } from './format.js';

describe('formatting', () => {
  it('formats distances like Intl would, in French and English', () => {
    expect(formatKm(3.24, 'fr')).to.equal('3,2\u00a0km');
    expect(formatKm(3.25, 'en')).to.equal('3.3\u00a0km');
    expect(formatKm(0.04, 'fr')).to.equal('0\u00a0km');
    expect(formatKm(12.6, 'fr')).to.equal('13\u00a0km');
    expect(formatKm(5, 'fr')).to.equal('5\u00a0km');
    expect(formatKm(3.24, 'fr')).to.equal(`${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(3.24)}\u00a0km`);
  });
  it('groups thousands with the French narrow no-break space', () => {
    expect(formatCount(10000, 'fr')).to.equal(new Intl.NumberFormat('fr-FR').format(10000));
    expect(formatCount(38012, 'en')).to.equal('38,012');
    expect(formatCount(999, 'fr')).to.equal('999');
  });
  it('writes calendar dates day first without a time zone shift', () => {
    expect(formatDate('2026-03-12', 'fr')).to.equal('12/03/2026');
    expect(formatDate('2026-01-01T00:30:00+01:00', 'fr')).to.equal('01/01/2026');
    expect(formatDate('n/a', 'fr')).to.equal('n/a');
  });
  it('agrees in number ("0 structure" in French, "0 organisations" in English)', () => {
    expect(plural(0, 'fr', 'structure', 'structures')).to.equal('0\u00a0structure');
    expect(plural(2, 'fr', 'structure', 'structures')).to.equal('2\u00a0structures');
    expect(plural(0, 'en', 'organisation', 'organisations')).to.equal('0\u00a0organisations');
  });
});
